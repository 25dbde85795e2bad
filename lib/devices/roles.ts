import { vocabulary, type StateOf } from "@/lib/vocabulary";

/**
 * A phone's role for an account it is assigned to: the words the owner sees. Client-safe, free of zod.
 * primary: its reports are the account's payments. standby (备用): a second phone logged in to the same
 * wallet (e.g. as a 店员); its reports confirm the primary's and settle only while the primary is offline
 * or silent (lib/payments/standby.ts).
 */
export const DEVICE_ROLE = vocabulary({ primary: "主手机", standby: "备用" }, { standby: "muted" });
export type DeviceRole = StateOf<typeof DEVICE_ROLE>;
export const DEVICE_ROLES = DEVICE_ROLE.values;
/** A stored role string, parsed once where links are read (an unknown value is treated as primary, the old behaviour). */
export const asDeviceRole = (value: string): DeviceRole => DEVICE_ROLE.parse(value) ?? "primary";
export const isStandby = (role: DeviceRole): boolean => role === "standby";
