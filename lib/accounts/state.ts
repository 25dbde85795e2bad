import { vocabulary } from "@/lib/vocabulary";

/** A receiving account as the owner sees it: switched off, or whether a phone forwards its payments now. Client-safe. */
export const ACCOUNT_STATES = ["disabled", "online", "offline"] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];
export const ACCOUNT_STATE = vocabulary(ACCOUNT_STATES, {
  disabled: { label: "已停用", tone: "muted" },
  online: { label: "手机在线", tone: "good" },
  offline: { label: "手机离线", tone: "bad" },
});

export const accountState = (a: { enabled: boolean; online: boolean }): AccountState =>
  !a.enabled ? "disabled" : a.online ? "online" : "offline";
