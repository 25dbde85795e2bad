import { vocabulary, type StateOf } from "@/lib/vocabulary";

/** A notifier phone as the owner sees it: switched off, online, offline, or never heard from. Client-safe. */
export const DEVICE_STATE = vocabulary(
  { disabled: "已停用", online: "在线", offline: "离线", never: "还没有联系过" },
  { disabled: "muted", online: "good", offline: "bad", never: "warn" },
);
export type DeviceState = StateOf<typeof DEVICE_STATE>;

/** `online` is the server's one rule (lib/devices/health.ts isOnline); this only names the result. */
export function deviceState(d: { enabled?: boolean; online: boolean; lastSeenAt: string | Date | null }): DeviceState {
  if (d.enabled === false) return "disabled";
  if (d.online) return "online";
  return d.lastSeenAt ? "offline" : "never";
}
