/** The bench's client side: a signed phone, readers with cookies, orders paid end to end. */
import { signNative } from "../../lib/notify/native-signature";
import { receiptText } from "../../lib/notify/receipt-text";

export const BENCH_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const BENCH_DEVICE = "bench";

/** A signed phone: the env-secret one (the default accounts'), or a device of another receiving account. */
export interface Phone {
  device: string;
  secret: string;
}
export const BENCH_PHONE: Phone = { device: BENCH_DEVICE, secret: BENCH_SECRET };

export function heartbeatRequest(phone: Phone = BENCH_PHONE): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ deviceid: phone.device, type: "heartbeat" });
  return {
    body,
    headers: { ...signNative(phone.secret, body, `msg_hb_${Date.now()}_${Math.random()}`), "content-type": "application/json" },
  };
}

export async function heartbeat(url: string, phone: Phone = BENCH_PHONE): Promise<void> {
  await fetch(`${url}/api/notify`, { method: "POST", ...heartbeatRequest(phone) });
}

export interface CreatedOrder {
  status: number;
  id?: string;
  amountCents?: number;
  /** The code shown: which receiving account's phone will report the payment. */
  qrPayload?: string;
  cookie?: string;
}

export async function createOrder(url: string, slug: string, channel = "wechat", cookie?: string): Promise<CreatedOrder> {
  const res = await fetch(`${url}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ slug, channel }),
  });
  const setCookie = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (res.status !== 201 && res.status !== 200) {
    await res.body?.cancel();
    return { status: res.status };
  }
  const o = (await res.json()) as { id: string; amountCents: number; qr: { payload: string } | null };
  return { status: res.status, id: o.id, amountCents: o.amountCents, qrPayload: o.qr?.payload, cookie: cookie ?? setCookie.join("; ") };
}

/** The phone reports a receipt of `amountCents` on `channel`; `id` is the webhook-id (one per notification). */
export async function notifyPayment(
  url: string,
  channel: string,
  amountCents: number,
  id: string,
  time?: string,
  phone: Phone = BENCH_PHONE,
): Promise<string> {
  const body = JSON.stringify({ deviceid: phone.device, ...receiptText(channel as "wechat", amountCents), ...(time ? { time } : {}) });
  const res = await fetch(`${url}/api/notify`, {
    method: "POST",
    headers: { ...signNative(phone.secret, body, id), "content-type": "application/json" },
    body,
  });
  const n = (await res.json().catch(() => ({}))) as { result?: string; orderId?: string };
  return n.result === "matched" || n.result === "late_matched" ? `matched:${n.orderId}` : (n.result ?? `http_${res.status}`);
}

export async function orderStatus(url: string, id: string): Promise<string> {
  const res = await fetch(`${url}/api/orders/${id}`);
  return ((await res.json()) as { status?: string }).status ?? `http_${res.status}`;
}

/** The first JavaScript chunk the article page loads: the static-asset baseline. */
export async function staticAssetPath(url: string, page: string): Promise<string> {
  const html = await (await fetch(`${url}${page}`)).text();
  const m = html.match(/\/_next\/static\/[^"']+\.js/);
  if (!m) throw new Error("no static JavaScript asset found on the article page");
  return m[0];
}
