import { Webhook, WebhookVerificationError } from "standardwebhooks";

/**
 * Standard Webhooks verification (standardwebhooks.com) for the native
 * protocol: HMAC-SHA256 over `${id}.${timestamp}.${body}`, ±5 minutes,
 * constant-time comparison, several signatures allowed for key rotation.
 */
export type VerifyOutcome = { ok: true } | { ok: false; reason: "missing_headers" | "stale" | "bad_signature" | "bad_secret" };

export interface SignedHeaders {
  "webhook-id"?: string | null;
  "webhook-timestamp"?: string | null;
  "webhook-signature"?: string | null;
}

export function verifyNative(secret: string, body: string, h: SignedHeaders): VerifyOutcome {
  const headers = {
    "webhook-id": h["webhook-id"] ?? "",
    "webhook-timestamp": h["webhook-timestamp"] ?? "",
    "webhook-signature": h["webhook-signature"] ?? "",
  };
  if (!headers["webhook-id"] || !headers["webhook-timestamp"] || !headers["webhook-signature"]) {
    return { ok: false, reason: "missing_headers" };
  }
  let wh: Webhook;
  try {
    wh = new Webhook(secret);
  } catch {
    return { ok: false, reason: "bad_secret" };
  }
  try {
    wh.verify(body, headers, { jsonParse: false });
    return { ok: true };
  } catch (e) {
    if (e instanceof WebhookVerificationError && /timestamp|Signature Headers/i.test(e.message)) {
      return { ok: false, reason: "stale" };
    }
    return { ok: false, reason: "bad_signature" };
  }
}

/** Signs a body the way a native notifier does (used by the simulator, the demo button and tests). */
export function signNative(secret: string, body: string, id: string, timestampSeconds = Math.floor(Date.now() / 1000)) {
  const signature = new Webhook(secret).sign(id, new Date(timestampSeconds * 1000), body);
  return { "webhook-id": id, "webhook-timestamp": String(timestampSeconds), "webhook-signature": signature };
}
