// The receipt a phone shows for a payment (docs/notifications.md §1): what the demo button,
// the simulator, the benchmark and the tests send. Pure, so scripts can import it directly.
import type { Channel } from "../channels";
import { formatCents } from "../money";

export type ReceiptText = {
  package: string;
  title: string;
  content: string;
};

export function receiptText(channel: Channel, amountCents: number): ReceiptText {
  const yuan = formatCents(amountCents);
  return channel === "alipay"
    ? { package: "com.eg.android.AlipayGphone", title: "收钱码到账通知", content: `成功收款${yuan}元。享免费提现等更多专属服务，点击查看` }
    : { package: "com.tencent.mm", title: "微信支付", content: `微信支付收款${yuan}元(朋友到店)` };
}

/** The stacked summary WeChat/Alipay may post for the same money a moment later ("[2条]…"). */
export function stackedReceiptText(channel: Channel, amountCents: number): ReceiptText {
  const r = receiptText(channel, amountCents);
  return { ...r, content: channel === "wechat" ? `[2条]微信支付: ${r.content}` : `[2条]${r.content}` };
}
