import type { Tx } from "@/lib/db/client";
import type { Channel } from "@/lib/orders/allocation";

/**
 * Releases slots whose hold has run out (expired/cancelled orders past the
 * late-grace window) so the unique index lets a new order take them, and
 * writes "expired" onto pending orders past their deadline.
 */
export async function releaseStaleSlots(tx: Tx, channel: Channel, now: Date): Promise<void> {
  await tx.order.updateMany({
    where: { channel, openSlot: { not: null }, slotHeldUntil: { lte: now }, status: "pending" },
    data: { openSlot: null, readerOpenKey: null, status: "expired" },
  });
  await tx.order.updateMany({
    where: { channel, openSlot: { not: null }, slotHeldUntil: { lte: now } },
    data: { openSlot: null },
  });
}

/** Amounts currently held on a channel (pending or within grace). */
export async function takenAmounts(tx: Tx, channel: Channel): Promise<Set<number>> {
  const rows = await tx.order.findMany({
    where: { channel, openSlot: { not: null } },
    select: { amountCents: true },
  });
  return new Set(rows.map((r) => r.amountCents));
}

/** Seconds until the earliest held slot on a channel frees up (for Retry-After). */
export async function secondsUntilNextFree(tx: Tx, channel: Channel, now: Date): Promise<number> {
  const next = await tx.order.findFirst({
    where: { channel, openSlot: { not: null } },
    orderBy: [{ expiresAt: "asc" }],
    select: { expiresAt: true, slotHeldUntil: true, status: true },
  });
  if (!next) return 5;
  // A pending order frees its slot at the latest when its grace ends; often sooner
  // (paid or cancelled and re-used later), so suggest the nearer of the two bounds.
  const ms = Math.min(next.slotHeldUntil.getTime(), next.expiresAt.getTime()) - now.getTime();
  return Math.max(5, Math.ceil(ms / 1000));
}
