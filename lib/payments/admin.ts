import { db, type Tx } from "@/lib/db/client";
import { withTx } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";
import { isLate } from "@/lib/orders/status";
import { settleOrder } from "@/lib/payments/settle";
import { formatCents } from "@/lib/money";
import { channelLabel } from "@/lib/channels";
import { BILL_STATUS, originOf, PAYMENT_STATUS, type BillStatus, type PaymentOrigin, type PaymentStatus } from "@/lib/payments/status";

/**
 * The owner's payment inbox. Nothing a reader paid is dropped: a payment that
 * matched no open slot stays `unmatched` until the owner assigns it to an
 * order (which settles that order and unlocks its reader) or marks it refunded.
 */
export { PAYMENT_STATUSES, type PaymentStatus } from "@/lib/payments/status";

export interface PaymentView {
  id: string;
  channel: string;
  amountCents: number;
  /** null: a stored status this build does not know. */
  status: PaymentStatus | null;
  receivedAt: string;
  postedAt: string | null;
  orderId: string | null;
  /** Set when this looks like a second notice of an already-settled payment. */
  suspectedDuplicateOf: string | null;
  resolvedAt: string | null;
  note: string | null;
  source: { notificationId: string; protocol: string; deviceId: string | null; text: string } | null;
  /** "notify": a phone reported it; "bill": recorded from the official bill at reconciliation. */
  origin: PaymentOrigin;
  /** After a bill covering its time was imported: "found" in it, or "missing" (possibly a forged notification). */
  billStatus: BillStatus | null;
}

export async function listPayments(q: { status?: PaymentStatus; limit?: number; before?: Date }): Promise<PaymentView[]> {
  const rows = await db().payment.findMany({
    where: { ...(q.status ? { status: q.status } : {}), ...(q.before ? { receivedAt: { lt: q.before } } : {}) },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: Math.min(q.limit ?? 100, 500),
    include: { notification: { select: { id: true, protocol: true, deviceId: true, body: true } } },
  });
  return rows.map((p) => ({
    id: p.id,
    channel: p.channel,
    amountCents: p.amountCents,
    status: PAYMENT_STATUS.parse(p.status),
    receivedAt: p.receivedAt.toISOString(),
    postedAt: p.postedAt?.toISOString() ?? null,
    orderId: p.orderId,
    suspectedDuplicateOf: p.duplicateOfId,
    resolvedAt: p.resolvedAt?.toISOString() ?? null,
    note: p.note,
    source: p.notification
      ? {
          notificationId: p.notification.id,
          protocol: p.notification.protocol,
          deviceId: p.notification.deviceId,
          text: sourceText(p.notification.body),
        }
      : null,
    origin: originOf(p.source),
    billStatus: BILL_STATUS.parse(p.billStatus),
  }));
}

/** The notification's title and text as the phone showed them (or the raw body, shortened). */
function sourceText(body: string): string {
  try {
    const v = JSON.parse(body) as { title?: unknown; content?: unknown };
    const parts = [v.title, v.content].filter((x): x is string => typeof x === "string" && x !== "");
    if (parts.length) return parts.join(" · ").slice(0, 300);
  } catch {
    /* form-encoded or query-string protocols: show the raw text */
  }
  return body.slice(0, 300);
}

/**
 * Moves an unmatched payment to its resolved status, guarded by the status so
 * that two owners (or two tabs) resolving the same payment at once cannot both win.
 */
async function resolve(tx: Tx, id: string, data: { status: "assigned" | "refunded"; resolvedAt: Date; note?: string }) {
  const res = await tx.payment.updateMany({ where: { id, status: "unmatched" }, data });
  if (res.count === 1) return;
  const exists = await tx.payment.count({ where: { id } });
  if (!exists) throw new AppError("payment_not_found", "付款记录不存在。");
  throw new AppError("payment_already_resolved", "这笔付款已经处理过了（已匹配、已指派或已退款）。");
}

/**
 * Assigns an unmatched payment to an order: the order becomes paid (late when
 * it is no longer pending) and its reader is unlocked. An order that is paid
 * already is refused — that would be the reader paying twice; refund instead.
 * A payment on another channel or below the order's amount is probably meant
 * for another order (a typo in the order id): refused unless `force`.
 */
export async function assignPayment(
  paymentId: string,
  orderId: string,
  opts: { force?: boolean; now?: Date } = {},
): Promise<{ paymentId: string; orderId: string }> {
  await withTx((tx) => assignInTx(tx, paymentId, orderId, { force: opts.force, now: opts.now ?? new Date() }));
  return { paymentId, orderId };
}

/** The assign step inside the caller's transaction (the owner's inbox, and accepting a reader's 我已付款 report). */
export async function assignInTx(tx: Tx, paymentId: string, orderId: string, opts: { force?: boolean; now: Date }): Promise<void> {
  const now = opts.now;
  await resolve(tx, paymentId, { status: "assigned", resolvedAt: now });
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: { status: true, expiresAt: true, channel: true, amountCents: true },
  });
  if (!order) throw new AppError("order_not_found", "订单不存在。");
  if (order.status === "paid") throw new AppError("order_not_open", "这个订单已经付过款了；如是重复付款，请标记为已退款。");
  if (!opts.force)
    refuseMismatch(await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { channel: true, amountCents: true } }), order);
  const ok = await settleOrder(tx, orderId, paymentId, isLate(order, now), now, "assigned");
  if (!ok) throw new AppError("order_not_open", "这个订单已经付过款了。");
}

function refuseMismatch(p: { channel: string; amountCents: number }, o: { channel: string; amountCents: number }): void {
  if (p.channel !== o.channel) {
    throw new AppError(
      "payment_mismatch",
      `这笔收款来自${channelLabel(p.channel)}，订单却是${channelLabel(o.channel)}付款，可能不是这位读者付的。请核对订单号；确认无误可强制分配。`,
    );
  }
  if (p.amountCents < o.amountCents) {
    throw new AppError(
      "payment_mismatch",
      `收款 ¥${formatCents(p.amountCents)} 少于订单金额 ¥${formatCents(o.amountCents)}，可能不是这位读者付的。请核对订单号；确认无误可强制分配。`,
    );
  }
}

/** Marks an unmatched payment as refunded (the owner returned the money outside the system). */
export async function refundPayment(
  paymentId: string,
  note: string | undefined,
  now = new Date(),
): Promise<{ paymentId: string; status: "refunded" }> {
  await withTx(async (tx) => {
    await resolve(tx, paymentId, { status: "refunded", resolvedAt: now, ...(note ? { note } : {}) });
  });
  return { paymentId, status: "refunded" };
}
