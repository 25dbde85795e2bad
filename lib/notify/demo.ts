import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { formatCents } from "@/lib/money";
import { isChannel } from "@/lib/channels";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { ensureDemoDevice } from "@/lib/devices/registry";
import { signNative } from "@/lib/notify/native-signature";
import { receiptText } from "@/lib/notify/receipt-text";
import { chinaWallClock } from "@/lib/china-time";

/**
 * The 模拟付款 button: a receipt for the reader's own order, signed with the demo
 * device's secret. The browser sends it to /api/notify, so the demo goes through
 * exactly the path a real phone uses.
 */
export async function demoNotification(orderId: string, readerId: string | null) {
  if (!(await isDemoMode())) throw new AppError("forbidden", "已配置真实的收款通知设备，演示付款已关闭。");
  const order = await db().order.findUnique({
    where: { id: orderId },
    select: { readerId: true, channel: true, amountCents: true, article: { select: { demo: true } }, qrCode: { select: { demo: true } } },
  });
  if (!order || order.readerId !== readerId || !isChannel(order.channel)) throw new AppError("order_not_found", "订单不存在或已被删除。");
  // Only the seeded demo posts, through the seeded demo codes (settle.ts checks the same again).
  if (!order.article?.demo || !order.qrCode?.demo) throw new AppError("forbidden", "模拟付款只能用于演示文章。");
  const device = await ensureDemoDevice();
  const now = new Date();
  const body = JSON.stringify({
    deviceid: device.id,
    ...receiptText(order.channel, order.amountCents),
    money: formatCents(order.amountCents),
    time: chinaWallClock(now),
  });
  const headers = signNative(device.secret, body, `msg_demo_${newId(12)}`);
  return { url: "/api/notify", headers: { ...headers, "content-type": "application/json" }, body };
}
