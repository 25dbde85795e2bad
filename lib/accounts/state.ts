import { vocabulary, type StateOf } from "@/lib/vocabulary";

/** A receiving account as the owner sees it: switched off, or whether a phone forwards its payments now. Client-safe. */
export const ACCOUNT_STATE = vocabulary(
  { disabled: "已停用", online: "手机在线", offline: "手机离线" },
  { disabled: "muted", online: "good", offline: "bad" },
);
export type AccountState = StateOf<typeof ACCOUNT_STATE>;

export const accountState = (a: { enabled: boolean; online: boolean }): AccountState =>
  !a.enabled ? "disabled" : a.online ? "online" : "offline";
