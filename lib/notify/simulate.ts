// Builds native-protocol requests the way a phone would (simulator, demo button, tests). Pure:
// no database, so scripts can import it without the react-server condition.
import { randomBytes } from "node:crypto";
import { formatCents } from "../money";
import { signNative } from "./native-signature";

/** Texts as the phones show them (NOTIFICATIONS.md §1). */
export function receiptText(channel: string, amountCents: number) {
  const yuan = formatCents(amountCents);
  return channel === "alipay"
    ? { package: "com.eg.android.AlipayGphone", title: "收钱码到账通知", content: `成功收款${yuan}元。享免费提现等更多专属服务，点击查看` }
    : { package: "com.tencent.mm", title: "微信支付", content: `微信支付收款${yuan}元(朋友到店)` };
}

export interface NativeRequestOptions {
  secret: string;
  deviceId?: string;
  heartbeat?: boolean;
  channel?: "wechat" | "alipay";
  amountCents?: number;
  now?: Date;
}

export function buildNativeRequest(o: NativeRequestOptions) {
  const now = o.now ?? new Date();
  const payload = o.heartbeat
    ? { deviceid: o.deviceId ?? "simulator", type: "heartbeat" }
    : {
        deviceid: o.deviceId ?? "simulator",
        ...receiptText(o.channel ?? "wechat", o.amountCents ?? 1),
        time: now.toLocaleString("sv-SE", { timeZone: "Asia/Shanghai" }),
      };
  const body = JSON.stringify(payload);
  const id = `msg_${randomBytes(12).toString("base64url")}`;
  const headers = signNative(o.secret, body, id, Math.floor(now.getTime() / 1000));
  return { headers: { ...headers, "content-type": "application/json" }, body };
}
