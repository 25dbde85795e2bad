import { vocabulary } from "@/lib/vocabulary";

/**
 * Order states and their words. The database may still say "pending" after the deadline when
 * no sweep has run; the server's clock decides, so every read goes through effectiveStatus.
 * Client-safe: the admin's order list and the pay dialog import it.
 */
export const ORDER_STATUSES = ["pending", "paid", "expired", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_STATUS = vocabulary(ORDER_STATUSES, {
  pending: { label: "待付款", tone: "warn" },
  paid: { label: "已付款", tone: "good" },
  expired: { label: "已过期", tone: "muted" },
  cancelled: { label: "已取消", tone: "muted" },
});

/** The stored status by the server's clock; null for a string this build does not know. */
export function effectiveStatus(o: { status: string; expiresAt: Date }, now: Date): OrderStatus | null {
  if (o.status === "pending" && o.expiresAt.getTime() <= now.getTime()) return "expired";
  return ORDER_STATUS.parse(o.status);
}

/** A payment for this order arriving now is late when the order is no longer pending. */
export function isLate(o: { status: string; expiresAt: Date }, now: Date): boolean {
  return effectiveStatus(o, now) !== "pending";
}

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
