import { afterCommit } from "@/lib/db/tx";
import { publishOrderPaid } from "@/lib/events/bus";
import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { DEMO_DEVICE_ID } from "@/lib/devices/registry";
import type { Channel } from "@/lib/channels";
import { slotKey } from "@/lib/orders/allocation";
import { timing } from "@/lib/orders/policy";
import { judgePayment, paidPatch } from "@/lib/orders/rules";
import { grantForOrder } from "@/lib/entitlements/grant";
import { targetOf, targetSelect } from "@/lib/targets";
import { raiseEvent } from "@/lib/alerts/raise";
import { merchantOrderPaid } from "@/lib/gateway/paid";
import { soldItem } from "@/lib/payments/sold";
import { couponCapReachedBy } from "@/lib/coupons/apply";
import { AppError } from "@/lib/errors";

/** Why a payment for an order stayed in the inbox: its coupon was used up meanwhile. */
export const couponCapNote = (code: string, orderId: string) =>
  `订单 ${orderId} 使用的优惠码「${code}」已达使用上限，未自动记账，请手动处理。`;

export type SettleResult =
  | { result: "matched" | "late_matched"; orderId: string; paymentId: string }
  | { result: "unmatched"; paymentId: string; suspectedDuplicateOf?: string | null; unowned?: true }
  | { result: "duplicate" }
  /** A second phone's report of a payment already recorded (standby.ts): no new payment. */
  | { result: "confirmation"; paymentId: string | null }
  /** A standby phone's report waiting STANDBY_WAIT_SECONDS for the primary's (standby.ts). */
  | { result: "waiting" };

export interface Receipt {
  channel: Channel;
  amountCents: number;
  /** webhook-id, or a hash of the notification's identity: the same receipt twice is one payment. */
  dedupeKey: string;
  /** Hash of (device, package, title, text, posted time), when the phone sent a posted time. */
  contentKey?: string | null;
  notificationId?: string | null;
  postedAt?: Date | null;
  /** The device that reported it: the demo device's payments (模拟付款) only ever settle demo orders. */
  deviceId?: string | null;
  /** The receiving account it was paid to, when the caller knows (a bill's account); else the device's (lib/accounts). */
  accountId?: string | null;
  now?: Date;
}

/** The payment row of a receipt, before anything took it: unmatched, under its dedupe keys. */
export const receiptRow = (id: string, r: Receipt, now: Date) => ({
  id,
  channel: r.channel,
  amountCents: r.amountCents,
  dedupeKey: r.dedupeKey,
  contentKey: r.contentKey ?? null,
  notificationId: r.notificationId ?? null,
  postedAt: r.postedAt ?? null,
  receivedAt: now,
  status: "unmatched",
});

/**
 * Records the payment on its account and settles the order holding its amount, inside the
 * caller's transaction: the payment row first (it takes the write lock at once and takes
 * the dedupe keys), then the status-guarded settlement. Also the standby phone's path once
 * its report is the payment (standby.ts).
 */
export async function recordPayment(tx: Tx, r: Receipt, accountId: string, now: Date): Promise<SettleResult> {
  const demo = r.deviceId === DEMO_DEVICE_ID;
  const paymentId = newId();
  await tx.payment.create({ data: { ...receiptRow(paymentId, r, now), accountId, demo } });
  const holder = await tx.order.findFirst({
    // Only its own account's order: two accounts may hold the same amount at once.
    where: { openSlot: slotKey(r.channel, accountId, r.amountCents) },
    select: {
      id: true,
      status: true,
      expiresAt: true,
      openSlot: true,
      slotHeldUntil: true,
      couponId: true,
      article: { select: { demo: true } },
      qrCode: { select: { demo: true } },
    },
  });
  // A demo payment sells only the seeded demo posts through the demo codes, never a real order.
  const sellable = !demo || (!!holder?.article?.demo && holder.qrCode?.demo !== false);
  const verdict = sellable ? judgePayment(holder, now) : "unmatched";
  // The owner's alerts are queued in this transaction: they exist exactly when the payment does (never for demo money).
  const unmatched = async (suspectedDuplicateOf: string | null) => {
    if (!demo)
      await raiseEvent(tx, "payment.unmatched", { paymentId, channel: r.channel, amountCents: r.amountCents, suspectedDuplicateOf }, now);
    return { result: "unmatched", paymentId, ...(suspectedDuplicateOf ? { suspectedDuplicateOf } : {}) } as const;
  };
  if (!holder || verdict === "unmatched") return unmatched(null);
  // Paying this order would take its coupon past the cap: the money waits in the inbox for the owner.
  const capped = verdict !== "suspected_duplicate" ? await couponCapReachedBy(tx, holder) : null;
  if (capped) {
    await tx.payment.update({ where: { id: paymentId }, data: { note: couponCapNote(capped, holder.id) } });
    return unmatched(null);
  }
  if (verdict !== "suspected_duplicate" && (await settleOrder(tx, holder.id, paymentId, verdict === "late_matched", now))) {
    await raiseEvent(
      tx,
      "payment.matched",
      async () => ({
        paymentId,
        orderId: holder.id,
        channel: r.channel,
        amountCents: r.amountCents,
        late: verdict === "late_matched",
        ...(await soldItem(tx, holder.id)),
      }),
      now,
    );
    return { result: verdict, orderId: holder.id, paymentId } as const;
  }
  // The order is paid already (before, or by a delivery that won the race just now).
  const first = await tx.payment.findUnique({ where: { orderId: holder.id }, select: { id: true } });
  await tx.payment.update({ where: { id: paymentId }, data: { duplicateOfId: first?.id ?? null } });
  return unmatched(first?.id ?? null);
}

/**
 * Marks an order paid by a payment and grants the reader what it sold. Guarded
 * by the order's status: returns false (changing nothing) when it is already paid.
 * Used by automatic matching, the owner's manual assignment, accepted 我已付款
 * reports and reconciliation: every path that pays an order goes through here. The order
 * keeps its slot for the echo window (rules.ts paidPatch).
 */
export async function settleOrder(
  tx: Tx,
  orderId: string,
  paymentId: string,
  late: boolean,
  now: Date,
  status?: "assigned",
): Promise<boolean> {
  const updated = await tx.order.updateMany({
    where: { id: orderId, status: { in: ["pending", "expired", "cancelled"] } },
    data: paidPatch(now, late, timing()),
  });
  if (updated.count !== 1) return false;
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { readerId: true, amountCents: true, couponId: true, ...targetSelect },
  });
  // The coupon's cap holds on every path that pays (the owner's assignment, a bill): rolled back when it would not.
  const capped = await couponCapReachedBy(tx, { id: orderId, couponId: order.couponId });
  if (capped) {
    throw new AppError(
      "coupon_used_up",
      `这个订单使用的优惠码「${capped}」已达使用上限，不能再按优惠价记为已付款。可以在「优惠码」里提高上限后再处理，或把这笔付款标记为已退款。`,
    );
  }
  const payment = await tx.payment.update({
    where: { id: paymentId },
    data: { orderId, status: status ?? (late ? "late_matched" : "matched"), resolvedAt: now },
    select: { demo: true },
  });
  const target = targetOf(order);
  if (!target) throw new Error(`order ${orderId} has no target (kind ${order.kind})`);
  // A demo payment's unlock is marked, so going live can revoke it.
  await grantForOrder(tx, { id: orderId, readerId: order.readerId, target, demo: payment.demo }, now);
  // A gateway payment belongs to another site: it is told through the merchant notify, queued here.
  if (target.kind === "merchant") await merchantOrderPaid(tx, target.merchantOrderId, order.amountCents, now);
  // The funnel (views → clicks → orders → paid) is about single posts; other kinds are in the revenue split.
  if (target.kind === "article") await tx.event.create({ data: { type: "paid", articleId: order.articleId, createdAt: now } });
  // The reader's open page is told only once the payment is durable (lib/events).
  afterCommit(tx, () => publishOrderPaid(orderId));
  return true;
}
