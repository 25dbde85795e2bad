import { config } from "@/lib/config";
import type { AmountPolicy } from "@/lib/orders/allocation";

export function amountPolicy(): AmountPolicy {
  const c = config();
  return { steps: c.AMOUNT_STEPS, direction: c.AMOUNT_DIRECTION, floorCents: c.AMOUNT_FLOOR_CENTS };
}

export function orderTimings(now: Date) {
  const c = config();
  const expiresAt = new Date(now.getTime() + c.ORDER_TTL_SECONDS * 1000);
  return { expiresAt, slotHeldUntil: new Date(expiresAt.getTime() + c.LATE_GRACE_SECONDS * 1000) };
}

/** A cancelled order keeps its slot for the grace period too: the reader may have paid just before closing. */
export function graceFrom(now: Date): Date {
  return new Date(now.getTime() + config().LATE_GRACE_SECONDS * 1000);
}
