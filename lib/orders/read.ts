import { db } from "@/lib/db/client";
import { withTx } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";
import { cancelInTx } from "@/lib/orders/slots";
import type { OrderStatusView } from "@/lib/orders/view";
import { effectiveStatus } from "@/lib/orders/status";
import { canExtend } from "@/lib/orders/rules";

export const ORDER_ID = /^[A-Za-z0-9_-]{10,64}$/;
const statusSelect = {
  id: true,
  status: true,
  amountCents: true,
  expiresAt: true,
  paidAt: true,
  openSlot: true,
  slotHeldUntil: true,
  extendedAt: true,
} as const;

/**
 * What the paying reader's page polls about once a second: one indexed row,
 * no joins, only the columns it shows.
 */
export async function getOrderStatus(id: string, now = new Date()): Promise<OrderStatusView> {
  const row = ORDER_ID.test(id) ? await db().order.findUnique({ where: { id }, select: statusSelect }) : null;
  if (!row) throw new AppError("order_not_found", "订单不存在或已被删除。");
  return {
    id: row.id,
    status: effectiveStatus(row, now),
    amountCents: row.amountCents,
    expiresAt: row.expiresAt.toISOString(),
    paidAt: row.paidAt?.toISOString() ?? null,
    extendable: canExtend(row, now),
    serverTime: now.toISOString(),
  };
}

/**
 * The reader closed the dialog (the seed's DiscardOrder). Only the reader who
 * created the order may cancel it. The slot stays held for the late-grace
 * window, because the reader may have paid a moment before closing.
 */
export async function cancelOrder(id: string, readerId: string | null, now = new Date()): Promise<OrderStatusView> {
  const row = ORDER_ID.test(id) ? await db().order.findUnique({ where: { id }, select: { readerId: true } }) : null;
  if (!row || row.readerId !== readerId) throw new AppError("order_not_found", "订单不存在或已被删除。");
  await withTx(async (tx) => {
    // Throwing rolls back: a paid order is never touched.
    if ((await cancelInTx(tx, id, now)) === "paid") throw new AppError("order_not_open", "订单已付款，无法取消。");
  });
  return getOrderStatus(id, now);
}
