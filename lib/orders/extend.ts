import { withTx } from "@/lib/db/tx";
import { readerOpenKey, targetOf, targetSelect } from "@/lib/targets";
import { alreadyUnlocked, ownsTarget } from "@/lib/entitlements/check";
import { AppError } from "@/lib/errors";
import type { Channel } from "@/lib/channels";
import { timing } from "@/lib/orders/policy";
import { canExtend, extendPatch } from "@/lib/orders/rules";
import { lockChannel } from "@/lib/orders/slots";
import { effectiveStatus, overdueOrderWhere } from "@/lib/orders/status";
import { getOrderStatus, ORDER_ID } from "@/lib/orders/read";
import type { OrderStatusView } from "@/lib/orders/view";
import { dailyLimit, fitsCeilings } from "@/lib/orders/ceiling-gate";

const notFound = () => new AppError("order_not_found", "订单不存在或已被删除。");

/**
 * POST /api/orders/{id}/extend: the reader came back from the payment app after
 * the countdown ran out, with the code for this amount saved. One extension
 * (rules.ts extendPatch), only by the reader who owns the order. The update is
 * guarded by the very slot and window it checked, so a concurrent slot taking that
 * released the slot, or a second extension, makes it change nothing.
 */
export async function extendOrder(id: string, readerId: string | null, now = new Date()): Promise<OrderStatusView> {
  if (!ORDER_ID.test(id) || !readerId) throw notFound();
  await withTx(async (tx) => {
    const o = await tx.order.findUnique({
      where: { id },
      select: {
        readerId: true,
        ...targetSelect,
        channel: true,
        status: true,
        expiresAt: true,
        openSlot: true,
        slotHeldUntil: true,
        extendedAt: true,
        accountId: true,
        amountCents: true,
      },
    });
    if (!o || o.readerId !== readerId) throw notFound();
    // Serialised with slot taking on this channel, which release stale slots (PostgreSQL; SQLite serialises writers anyway).
    await lockChannel(tx, o.channel as Channel);
    const patch = extendPatch(o, now, timing());
    if (!patch) throw new AppError("order_not_open", refusal(o, now));
    const target = targetOf(o);
    if (!target) throw notFound();
    if (await ownsTarget(tx, readerId, target, now)) throw alreadyUnlocked(target.kind);
    // An expired order no longer counts against its account's daily ceilings: taking it up again must fit under them.
    if (o.accountId && !(await fitsCeilings(tx, o.accountId, o.amountCents, now))) throw dailyLimit(now);
    // One open order per reader and thing sold: give this one its key back, unless a newer order has it.
    const openKey = readerOpenKey(readerId, target);
    await tx.order.updateMany({ where: { readerOpenKey: openKey, ...overdueOrderWhere(now) }, data: { readerOpenKey: null } });
    if (await tx.order.count({ where: { readerOpenKey: openKey } })) {
      throw new AppError("conflict", "你已经获取了新的二维码，请用新的二维码付款。");
    }
    const res = await tx.order.updateMany({
      where: { id, extendedAt: null, openSlot: o.openSlot, slotHeldUntil: { gt: now }, status: { in: ["pending", "expired"] } },
      data: { ...patch, readerOpenKey: openKey },
    });
    if (res.count !== 1) throw new AppError("order_not_open", "二维码已失效，请重新获取。");
  });
  return getOrderStatus(id, now);
}

function refusal(o: Parameters<typeof canExtend>[0], now: Date): string {
  const status = effectiveStatus(o, now);
  if (status === "paid") return "订单已付款。";
  if (status === "pending") return "订单还没有过期，无需延长。";
  if (status === "cancelled") return "订单已取消，请重新获取二维码。";
  if (o.extendedAt) return "每个订单只能延长一次，请重新获取二维码。";
  return "这个二维码的金额已释放，请重新获取二维码。";
}
