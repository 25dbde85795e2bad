import { config } from "@/lib/config";
import type { AmountPolicy } from "@/lib/orders/allocation";
import { newOrderTimes, type Timing } from "@/lib/orders/rules";

export function amountPolicy(): AmountPolicy {
  const c = config();
  return {
    steps: c.AMOUNT_STEPS,
    direction: c.AMOUNT_DIRECTION,
    floorCents: c.AMOUNT_FLOOR_CENTS,
    maxDiscountPercent: c.AMOUNT_MAX_DISCOUNT_PERCENT,
    maxMarkupPercent: c.AMOUNT_MAX_MARKUP_PERCENT,
  };
}

/** The slot timings from the environment (lib/orders/rules.ts is pure and takes them as an argument). */
export function timing(): Timing {
  const c = config();
  return { ttlSeconds: c.ORDER_TTL_SECONDS, graceSeconds: c.LATE_GRACE_SECONDS, echoSeconds: c.ECHO_WINDOW_SECONDS };
}

export function orderTimings(now: Date) {
  return newOrderTimes(now, timing());
}
