import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { formatCents } from "@/lib/money";
import { demoDevice } from "@/lib/notify/devices";
import { signNative } from "@/lib/notify/native-signature";

/** Texts as the phones show them (NOTIFICATIONS.md §1). */
export function receiptText(channel: string, amountCents: number) {
  const yuan = formatCents(amountCents);
  return channel === "alipay"
    ? { package: "com.eg.android.AlipayGphone", title: "收钱码到账通知", content: `成功收款${yuan}元。享免费提现等更多专属服务，点击查看` }
    : { package: "com.tencent.mm", title: "微信支付", content: `微信支付收款${yuan}元(朋友到店)` };
}

export async function demoNotification(orderId: string, readerId: string | null) {
  const device = await demoDevice();
  if (!device) throw new AppError("forbidden", "已配置真实的收款通知设备，演示付款已关闭。");
  const order = await db().order.findUnique({ where: { id: orderId }, select: { readerId: true, channel: true, amountCents: true } });
  if (!order || order.readerId !== readerId) throw new AppError("order_not_found", "订单不存在或已被删除。");
  const now = new Date();
  const body = JSON.stringify({
    deviceid: device.id,
    ...receiptText(order.channel, order.amountCents),
    money: formatCents(order.amountCents),
    time: now.toLocaleString("sv-SE", { timeZone: "Asia/Shanghai" }),
  });
  const headers = signNative(device.secret, body, `msg_demo_${newId(12)}`);
  return { url: "/api/notify", headers: { ...headers, "content-type": "application/json" }, body };
}
