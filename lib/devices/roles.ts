/**
 * A phone's role for an account it is assigned to: the words the owner sees. Client-safe, free of zod.
 * primary: its reports are the account's payments. standby (备用): a second phone logged in to the same
 * wallet (e.g. as a 店员); its reports confirm the primary's and settle only while the primary is offline
 * or silent (lib/payments/standby.ts).
 */
export const DEVICE_ROLES = ["primary", "standby"] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

export const DEVICE_ROLE_LABEL: Record<DeviceRole, string> = { primary: "主手机", standby: "备用" };

export function isDeviceRole(value: unknown): value is DeviceRole {
  return value === "primary" || value === "standby";
}

/** A stored role string, read defensively (an unknown value is treated as primary, the old behaviour). */
export const asDeviceRole = (value: string): DeviceRole => (value === "standby" ? "standby" : "primary");
