/**
 * The slot lifecycle as pure functions of (order, now, timing). The database
 * code applies the patches these return; unit tests drive them with a fake
 * clock. No I/O and no config() here: timing is passed in.
 *
 *   created  ── holds its slot until expiresAt + grace
 *   cancelled ── holds it until cancelledAt + grace (the reader may have paid just before closing)
 *   paid     ── holds it until paidAt + echo window (a second notice of the same money
 *               must not settle a new order that took the amount)
 */
import { effectiveStatus, isLate } from "@/lib/orders/status";

export interface Timing {
  ttlSeconds: number;
  graceSeconds: number;
  echoSeconds: number;
}

export interface SlotHolder {
  status: string;
  expiresAt: Date;
  openSlot: string | null;
  slotHeldUntil: Date;
}

const plus = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

/** True while the order's hold on (channel, amount) is live. */
export function holdsSlot(o: Pick<SlotHolder, "openSlot" | "slotHeldUntil">, now: Date): boolean {
  return o.openSlot !== null && o.slotHeldUntil.getTime() > now.getTime();
}

export function newOrderTimes(now: Date, t: Timing): { expiresAt: Date; slotHeldUntil: Date } {
  const expiresAt = plus(now, t.ttlSeconds);
  return { expiresAt, slotHeldUntil: plus(expiresAt, t.graceSeconds) };
}

/** What cancelling does: a live order becomes cancelled and holds for grace from now; an overdue one is just expired. */
export function cancelPatch(o: SlotHolder, now: Date, t: Timing) {
  if (o.status !== "pending") return null;
  if (o.expiresAt.getTime() <= now.getTime()) return { status: "expired", readerOpenKey: null } as const;
  return { status: "cancelled", cancelledAt: now, readerOpenKey: null, slotHeldUntil: plus(now, t.graceSeconds) } as const;
}

/** What settling does: paid, and the slot stays held for the echo window (or is freed at once when it is 0). */
export function paidPatch(now: Date, late: boolean, t: Timing) {
  const hold = t.echoSeconds > 0;
  return {
    status: "paid",
    paidAt: now,
    late,
    readerOpenKey: null,
    ...(hold ? { slotHeldUntil: plus(now, t.echoSeconds) } : { openSlot: null }),
  } as const;
}

/**
 * The one extension of an order whose countdown ran out while the reader was
 * away (switching to WeChat or Alipay to pay): allowed once, only while the order
 * still holds its amount (it is expired, not cancelled or paid, and inside its
 * grace window). The order keeps the very slot it holds, so the amount the
 * reader saved is never handed to anyone else in between.
 */
export function canExtend(o: SlotHolder & { extendedAt: Date | null }, now: Date): boolean {
  return o.extendedAt === null && effectiveStatus(o, now) === "expired" && holdsSlot(o, now);
}

/** What extending does: pending again for a fresh TTL, the slot held until the new deadline + grace (never shorter than before). */
export function extendPatch(o: SlotHolder & { extendedAt: Date | null }, now: Date, t: Timing) {
  if (!canExtend(o, now)) return null;
  const fresh = newOrderTimes(now, t);
  const slotHeldUntil = fresh.slotHeldUntil > o.slotHeldUntil ? fresh.slotHeldUntil : o.slotHeldUntil;
  return { status: "pending", expiresAt: fresh.expiresAt, slotHeldUntil, extendedAt: now } as const;
}

export type Verdict = "matched" | "late_matched" | "suspected_duplicate" | "unmatched";

/**
 * What a payment for a slot means, given the order holding that slot (or null):
 * - a pending order inside its TTL: matched;
 * - an expired/cancelled order still holding (grace): late_matched;
 * - a paid order still holding (echo window): the same money notified again,
 *   or the same reader paying twice — either way it settles nothing else and
 *   goes to the owner as an unmatched payment marked as a suspected duplicate;
 * - nothing holding: unmatched.
 */
export function judgePayment(holder: SlotHolder | null, now: Date): Verdict {
  if (!holder || !holdsSlot(holder, now)) return "unmatched";
  if (holder.status === "paid") return "suspected_duplicate";
  return isLate(holder, now) ? "late_matched" : "matched";
}
