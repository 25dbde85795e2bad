import { newId } from "@/lib/ids";
import { signNative } from "@/lib/notify/native-signature";
import { formatCents } from "@/lib/money";
import { makeRequest } from "./http";

export const TEST_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

export function wechatReceipt(amountCents: number) {
  return { title: "微信支付", content: `微信支付收款${formatCents(amountCents)}元(朋友到店)`, package: "com.tencent.mm" };
}

export function alipayReceipt(amountCents: number) {
  return { title: "收钱码到账通知", content: `成功收款${formatCents(amountCents)}元。享免费提现等更多专属服务，点击查看`, package: "com.eg.android.AlipayGphone" };
}

/** A native /api/notify request, signed with `secret` (default: the test NOTIFY_SECRET). */
export function signedNotify(
  payload: Record<string, unknown>,
  opts: { secret?: string; id?: string; timestamp?: number } = {},
): Request {
  const body = JSON.stringify({ deviceid: "phone-1", ...payload });
  const headers = signNative(opts.secret ?? TEST_SECRET, body, opts.id ?? `msg_${newId(8)}`, opts.timestamp);
  return makeRequest("POST", "/api/notify", { rawBody: body, headers: { ...headers, "content-type": "application/json" } });
}
