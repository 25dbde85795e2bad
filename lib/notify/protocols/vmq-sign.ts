// V免签 monitor app (vmqApk and forks) signatures, spec: docs/notifications.md §3.
//   heartbeat: GET /appHeart?t=<ms>&sign=md5(t + key)
//   payment:   GET /appPush?t=<ms>&type=<1|2>&price=<string>&sign=md5(type + price + t + key)
// MD5 is the app's choice, not ours. `price` is verified exactly as received ("1.0", "0.01",
// "1.00" all occur) and only then parsed to cents by the caller.

import { createHash } from "node:crypto";
import { sameSecret } from "@/lib/constant-time";

export type SignCheck = { ok: true } | { ok: false; reason: "missing" | "stale" | "bad_timestamp" | "bad_signature" };

type Window = { nowMs: number; toleranceMs: number };
type Maybe = string | null | undefined;

const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex");

export function vmqHeartSign(t: string, key: string): string {
  return md5(t + key);
}

export function vmqPushSign(type: string, price: string, t: string, key: string): string {
  return md5(type + price + t + key);
}

export function verifyVmqHeart(args: { t: Maybe; sign: Maybe; key: string } & Window): SignCheck {
  const { t, sign, key } = args;
  if (!t || !sign || !key) return { ok: false, reason: "missing" };
  return check(sign, vmqHeartSign(t, key), t, args);
}

export function verifyVmqPush(args: { type: Maybe; price: Maybe; t: Maybe; sign: Maybe; key: string } & Window): SignCheck {
  const { type, price, t, sign, key } = args;
  if (!type || !price || !t || !sign || !key) return { ok: false, reason: "missing" };
  return check(sign, vmqPushSign(type, price, t, key), t, args);
}

function check(sign: string, expected: string, t: string, { nowMs, toleranceMs }: Window): SignCheck {
  // Hex case carries no secret; forks differ, so compare lowercase.
  if (!sameSecret(sign.trim().toLowerCase(), expected)) {
    return { ok: false, reason: "bad_signature" };
  }
  // md5(type + price + t + key) has no separators: "price=10&t=T" and "price=1&t=0T" share a sign.
  // So t has one spelling per instant (digits, no leading zero) and must lie in the window: then
  // no digit can move between price and t. The app resends identical requests on retry: the
  // window bounds replay, dedupe does the rest.
  if (!/^[1-9]\d{0,15}$/.test(t)) return { ok: false, reason: "bad_timestamp" };
  if (!(Math.abs(nowMs - Number(t)) <= toleranceMs)) return { ok: false, reason: "stale" };
  return { ok: true };
}
