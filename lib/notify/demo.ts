import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { formatCents } from "@/lib/money";
import { demoDevice } from "@/lib/notify/devices";
import { signNative } from "@/lib/notify/native-signature";
import { receiptText } from "@/lib/notify/simulate";

export { receiptText };

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
