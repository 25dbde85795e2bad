import { vocabulary, type StateOf } from "@/lib/vocabulary";

/**
 * Order states and their words. The database may still say "pending" after the deadline when
 * no sweep has run; the server's clock decides, so every read goes through effectiveStatus.
 * Client-safe: the admin's order list and the pay dialog import it.
 */
export const ORDER_STATUS = vocabulary(
  { pending: "待付款", paid: "已付款", expired: "已过期", cancelled: "已取消" },
  { pending: "warn", paid: "good", expired: "muted", cancelled: "muted" },
);
export type OrderStatus = StateOf<typeof ORDER_STATUS>;
export const ORDER_STATUSES = ORDER_STATUS.values;

/** The stored status by the server's clock; null for a string this build does not know. */
export function effectiveStatus(o: { status: string; expiresAt: Date }, now: Date): OrderStatus | null {
  if (o.status === "pending" && o.expiresAt.getTime() <= now.getTime()) return "expired";
  return ORDER_STATUS.parse(o.status);
}

/** A payment for this order arriving now is late when the order is no longer pending. */
export function isLate(o: { status: string; expiresAt: Date }, now: Date): boolean {
  return effectiveStatus(o, now) !== "pending";
}

export const isPaidOrder = (status: OrderStatus | null): boolean => status === "paid";
/** Open for payment by the server's last word (the countdown may still end it first: isOverForPayer). */
export const isAwaitingPayment = (status: OrderStatus | null): boolean => status === "pending";

/** The reader's QR can no longer be paid: the order ended, or its countdown reached zero before the server said so. */
export function isOverForPayer(status: OrderStatus | null, secondsLeft: number | null): boolean {
  return status === "expired" || status === "cancelled" || (status === "pending" && secondsLeft === 0);
}

/** The one "open order" filter: pending and not past its deadline by the server's clock. */
export function openOrderWhere(now: Date) {
  return { status: "pending", expiresAt: { gt: now } } as const;
}

/** Its complement among pending rows: past the deadline, expired whether or not a sweep wrote it. */
export function overdueOrderWhere(now: Date) {
  return { status: "pending", expiresAt: { lte: now } } as const;
}
