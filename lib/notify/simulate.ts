// Builds native-protocol requests the way a phone would (simulator, benchmark, tests). Pure:
// no database, so scripts can import it without the react-server condition.
import { randomBytes } from "node:crypto";
import type { Channel } from "../channels";
import { signNative } from "./native-signature";
import { receiptText } from "./receipt-text";
import { chinaWallClock } from "../china-time";

export interface NativeRequestOptions {
  secret: string;
  deviceId?: string;
  heartbeat?: boolean;
  channel?: Channel;
  amountCents?: number;
  now?: Date;
}

export function buildNativeRequest(o: NativeRequestOptions) {
  const now = o.now ?? new Date();
  const payload = o.heartbeat
    ? { deviceid: o.deviceId ?? "simulator", type: "heartbeat" }
    : { deviceid: o.deviceId ?? "simulator", ...receiptText(o.channel ?? "wechat", o.amountCents ?? 1), time: chinaWallClock(now) };
  const body = JSON.stringify(payload);
  const id = `msg_${randomBytes(12).toString("base64url")}`;
  const headers = signNative(o.secret, body, id, Math.floor(now.getTime() / 1000));
  return { headers: { ...headers, "content-type": "application/json" }, body };
}
