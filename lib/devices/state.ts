import { vocabulary } from "@/lib/vocabulary";

/** A notifier phone as the owner sees it: switched off, online, offline, or never heard from. Client-safe. */
export const DEVICE_STATES = ["disabled", "online", "offline", "never"] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];
export const DEVICE_STATE = vocabulary(DEVICE_STATES, {
  disabled: { label: "已停用", tone: "muted" },
  online: { label: "在线", tone: "good" },
  offline: { label: "离线", tone: "bad" },
  never: { label: "还没有联系过", tone: "warn" },
});

/** `online` is the server's one rule (lib/devices/health.ts isOnline); this only names the result. */
export function deviceState(d: { enabled?: boolean; online: boolean; lastSeenAt: string | Date | null }): DeviceState {
  if (d.enabled === false) return "disabled";
  if (d.online) return "online";
  return d.lastSeenAt ? "offline" : "never";
}
