/** The simulator's fixed mix of reader behaviours and the receipt texts it sends. */
import { formatCents } from "../../lib/money";

export type Behaviour = "on_time" | "late" | "cancel_then_pay" | "after_grace" | "duplicated" | "echo" | "forged" | "stale" | "abandon";

/** Out of every 20 readers: 9 on time, 2 late, 1 cancel-then-pay, 1 after grace, 2 duplicated, 1 echo, 1 forged, 1 stale, 2 abandon. */
const MIX: Behaviour[] = [
  "on_time", "on_time", "on_time", "on_time", "on_time", "on_time", "on_time", "on_time", "on_time",
  "late", "late", "cancel_then_pay", "after_grace", "duplicated", "duplicated", "echo", "forged", "stale", "abandon", "abandon",
];

export const behaviourOf = (i: number): Behaviour => MIX[i % MIX.length];

/** The phone's receipt, and the stacked summary WeChat/Alipay may post for the same money. */
export function receiptTexts(channel: "wechat" | "alipay", amountCents: number) {
  const yuan = formatCents(amountCents);
  if (channel === "wechat") {
    const content = `微信支付收款${yuan}元(朋友到店)`;
    return {
      plain: { package: "com.tencent.mm", title: "微信支付", content },
      echo: { package: "com.tencent.mm", title: "微信支付", content: `[2条]微信支付: ${content}` },
    };
  }
  const content = `成功收款${yuan}元。享免费提现等更多专属服务，点击查看`;
  return {
    plain: { package: "com.eg.android.AlipayGphone", title: "收钱码到账通知", content },
    echo: { package: "com.eg.android.AlipayGphone", title: "收钱码到账通知", content: `[2条]${content}` },
  };
}
