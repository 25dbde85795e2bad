import { withTx, isUniqueViolation } from "@/lib/db/tx";
import { db, type Tx } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { slotKey, type Channel } from "@/lib/orders/allocation";
import { isLate } from "@/lib/orders/status";

export type SettleResult =
  | { result: "matched" | "late_matched"; orderId: string; paymentId: string }
  | { result: "unmatched"; paymentId: string }
  | { result: "duplicate" };

export interface Receipt {
  channel: Channel;
  amountCents: number;
  /** webhook-id, or a hash of the notification's identity: the same receipt twice is one payment. */
  dedupeKey: string;
  notificationId?: string | null;
  postedAt?: Date | null;
  now?: Date;
}

/**
 * Records a payment and settles the one order holding (channel, amount), all
 * in one transaction. The payment row's unique dedupe key makes a re-delivery
 * a no-op; the status-guarded update makes two racing payments settle an order
 * at most once (the loser stays as an unmatched payment for the owner).
 */
export async function settlePayment(r: Receipt): Promise<SettleResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await settleOnce(r, r.now ?? new Date());
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // Only the dedupe key makes this a duplicate; another unique clash (two
      // entitlements racing for one reader) is retried with fresh state.
      if (await db().payment.findUnique({ where: { dedupeKey: r.dedupeKey }, select: { id: true } })) {
        return { result: "duplicate" };
      }
      if (attempt >= 3) throw e;
    }
  }
}

async function settleOnce(r: Receipt, now: Date): Promise<SettleResult> {
    return await withTx(async (tx) => {
      const paymentId = newId();
      // Written first: it takes the write lock at once and claims the dedupe key.
      await tx.payment.create({
        data: {
          id: paymentId,
          channel: r.channel,
          amountCents: r.amountCents,
          dedupeKey: r.dedupeKey,
          notificationId: r.notificationId ?? null,
          postedAt: r.postedAt ?? null,
          receivedAt: now,
          status: "unmatched",
        },
      });
      const order = await tx.order.findFirst({
        where: { openSlot: slotKey(r.channel, r.amountCents), slotHeldUntil: { gt: now } },
        select: { id: true, status: true, expiresAt: true },
      });
      if (!order) return { result: "unmatched", paymentId } as const;
      const late = isLate(order, now);
      const settled = await settleOrder(tx, order.id, paymentId, late, now);
      if (!settled) return { result: "unmatched", paymentId } as const;
      return { result: late ? "late_matched" : "matched", orderId: order.id, paymentId } as const;
    });
}

/**
 * Marks an order paid by a payment and grants the reader the article. Guarded
 * by the order's status: returns false (changing nothing) when it is already paid.
 * Used by automatic matching and by the owner's manual assignment.
 */
export async function settleOrder(tx: Tx, orderId: string, paymentId: string, late: boolean, now: Date, status?: "assigned"): Promise<boolean> {
  const updated = await tx.order.updateMany({
    where: { id: orderId, status: { in: ["pending", "expired", "cancelled"] } },
    data: { status: "paid", paidAt: now, late, openSlot: null, readerOpenKey: null },
  });
  if (updated.count !== 1) return false;
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { readerId: true, articleId: true } });
  await tx.payment.update({
    where: { id: paymentId },
    data: { orderId, status: status ?? (late ? "late_matched" : "matched"), resolvedAt: now },
  });
  // A reader who paid twice (e.g. a late payment after re-buying) keeps one entitlement.
  const existing = await tx.entitlement.findUnique({
    where: { readerId_articleId: { readerId: order.readerId, articleId: order.articleId } },
    select: { id: true },
  });
  if (!existing) {
    await tx.entitlement.create({
      data: { id: newId(), readerId: order.readerId, articleId: order.articleId, orderId, createdAt: now },
    });
  }
  await tx.event.create({ data: { type: "paid", articleId: order.articleId, createdAt: now } });
  return true;
}
