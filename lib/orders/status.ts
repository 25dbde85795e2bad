/**
 * Order states. The database may still say "pending" after the deadline when
 * no sweep has run; the server's clock decides, so every read goes through here.
 */
export type OrderStatus = "pending" | "paid" | "expired" | "cancelled";

export function effectiveStatus(o: { status: string; expiresAt: Date }, now: Date): OrderStatus {
  if (o.status === "pending" && o.expiresAt.getTime() <= now.getTime()) return "expired";
  return o.status as OrderStatus;
}

/** A payment for this order arriving now is late when the order is no longer pending. */
export function isLate(o: { status: string; expiresAt: Date }, now: Date): boolean {
  return effectiveStatus(o, now) !== "pending";
}

/** The one "open order" filter: pending and not past its deadline by the server's clock. */
export function openOrderWhere(now: Date) {
  return { status: "pending", expiresAt: { gt: now } } as const;
}

/** Its complement among pending rows: past the deadline, expired whether or not a sweep wrote it. */
export function overdueOrderWhere(now: Date) {
  return { status: "pending", expiresAt: { lte: now } } as const;
}
