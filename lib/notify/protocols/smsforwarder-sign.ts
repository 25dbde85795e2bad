// SmsForwarder (cn.ppps.forwarder) webhook signature, spec: docs/notifications.md §3.
//   sign = urlencode(base64(HMAC-SHA256(key = secret, msg = timestamp + "\n" + secret)))
// It signs only the timestamp (not the body) and retries resend the same pair, so callers must
// also enforce a short time window (here) and dedupe (elsewhere).

import { createHmac } from "node:crypto";
import { sameSecret } from "@/lib/constant-time";

export type SignCheck = { ok: true } | { ok: false; reason: "missing" | "stale" | "bad_timestamp" | "bad_signature" };

/** base64 (not URL-encoded) signature for a millisecond timestamp string. */
export function smsForwarderSign(timestampMs: string, secret: string): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}

export function verifySmsForwarderSign(args: {
  timestamp: string | null | undefined;
  sign: string | null | undefined;
  secret: string;
  nowMs: number;
  toleranceMs: number;
}): SignCheck {
  const { timestamp, sign, secret, nowMs, toleranceMs } = args;
  if (!timestamp || !sign || !secret) return { ok: false, reason: "missing" };

  const received = decodeSign(sign);
  if (received === null || !sameSecret(received, smsForwarderSign(timestamp, secret))) {
    return { ok: false, reason: "bad_signature" };
  }
  // Checked after the signature so these are only reported for genuinely signed requests. One
  // spelling per instant (digits, no leading zero), so the replay key is the timestamp's value.
  if (!/^[1-9]\d{0,15}$/.test(timestamp)) return { ok: false, reason: "bad_timestamp" };
  if (!(Math.abs(nowMs - Number(timestamp)) <= toleranceMs)) return { ok: false, reason: "stale" };
  return { ok: true };
}

// The sign arrives URL-encoded ("...%3D") or already decoded, depending on how the body template
// and the server's form parsing combine. A form decoder also turns an unencoded "+" into a space.
function decodeSign(sign: string): string | null {
  let s = sign.trim();
  if (s.includes("%")) {
    try {
      s = decodeURIComponent(s);
    } catch {
      return null;
    }
  }
  return s.replaceAll(" ", "+");
}
