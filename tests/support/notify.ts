import { newId } from "@/lib/ids";
import { signNative } from "@/lib/notify/native-signature";
import { receiptText } from "@/lib/notify/receipt-text";
import { makeRequest } from "./http";
import { smsForwarderSign } from "@/lib/notify/protocols/smsforwarder-sign";
import { vmqHeartSign, vmqPushSign } from "@/lib/notify/protocols/vmq-sign";

export const TEST_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

export const wechatReceipt = (amountCents: number) => receiptText("wechat", amountCents);
export const alipayReceipt = (amountCents: number) => receiptText("alipay", amountCents);

/** A native /api/notify request, signed with `secret` (default: the test NOTIFY_SECRET). */
export function signedNotify(payload: Record<string, unknown>, opts: { secret?: string; id?: string; timestamp?: number } = {}): Request {
  const body = JSON.stringify({ deviceid: "phone-1", ...payload });
  const headers = signNative(opts.secret ?? TEST_SECRET, body, opts.id ?? `msg_${newId(8)}`, opts.timestamp);
  return makeRequest("POST", "/api/notify", { rawBody: body, headers: { ...headers, "content-type": "application/json" } });
}

// Strong enough for the secret rule (lib/secret-strength.ts); the published sign vector is in the unit tests.
export const SMSF_SECRET = "Zq7fW2rN9xKp4tLm8cVb3hJd";
export const VMQ_KEY = "7c1e9a40b5d2f83e6a9c04d1b7e25f96";

/** SmsForwarder's JSON-template body for one app notification, signed now (or at `timestamp`). */
export function smsForwarderJson(
  n: { package: string; title: string; content: string },
  opts: { secret?: string; timestamp?: number; receiveTime?: string; deviceMark?: string } = {},
) {
  const timestamp = String(opts.timestamp ?? Date.now());
  return {
    from: n.package,
    title: n.title,
    org_content: n.content,
    receive_time: opts.receiveTime ?? "2024-05-01 12:00:00",
    timestamp,
    // The app substitutes the URL-encoded sign into the template.
    sign: encodeURIComponent(smsForwarderSign(timestamp, opts.secret ?? SMSF_SECRET)),
    device_mark: opts.deviceMark ?? "",
  };
}

export function smsForwarderPost(body: unknown, contentType = "application/json") {
  const rawBody = typeof body === "string" ? body : JSON.stringify(body);
  return makeRequest("POST", "/api/notify/smsforwarder", { rawBody, headers: { "content-type": contentType } });
}

/** A V免签 push or heartbeat URL, signed with `key` over the strings as sent. */
export function vmqRequest(kind: "push" | "heart", p: { type?: string; price?: string; t?: number; key?: string; sign?: string } = {}) {
  const t = String(p.t ?? Date.now());
  const key = p.key ?? VMQ_KEY;
  if (kind === "heart") return makeRequest("GET", `/appHeart?t=${t}&sign=${p.sign ?? vmqHeartSign(t, key)}`);
  const type = p.type ?? "1";
  const price = p.price ?? "1.00";
  return makeRequest(
    "GET",
    `/appPush?t=${t}&type=${type}&price=${encodeURIComponent(price)}&sign=${p.sign ?? vmqPushSign(type, price, t, key)}`,
  );
}
