import { db } from "@/lib/db/client";
import { CHANNELS, type Channel } from "@/lib/channels";
import { candidateAmounts, planSlots, priceBand } from "@/lib/orders/allocation";
import { amountPolicy, timing } from "@/lib/orders/policy";
import { usableCodes } from "@/lib/orders/codes";
import { isDemoMode } from "@/lib/devices/demo-mode";

/**
 * How many readers can be paying at once, per price and channel, with the QR
 * codes configured now (GET /api/admin/capacity). Prices close together share
 * amounts (¥1.00 and ¥0.99 both want 0.98 …), so capacities of different
 * prices on one channel do not add up.
 */
export interface CapacityRow {
  priceCents: number;
  channel: Channel;
  /** The band a reader of this price may be asked to pay (AMOUNT_MAX_DISCOUNT_PERCENT / _MARKUP_). */
  minCents: number;
  maxCents: number;
  /** Distinct amounts a reader of this price can be given. */
  capacity: number;
  /** Of those, amounts served by a fixed-amount code (scan and confirm). */
  fixedAmount: number;
  /** Amounts served by the channel's universal code (the reader types the amount). */
  typed: number;
  /** Of those amounts, how many are held right now (pending, grace or echo window). */
  heldNow: number;
  /** Published paid posts at this price. */
  articles: number;
  /** Series and passes on sale at this price: they share the same amounts. */
  others: number;
}

/** Also returns the amount policy and slot timings in force, so the owner (and the simulator) can see them. */
export async function capacityReport(now = new Date()) {
  const policy = amountPolicy();
  const articles = await db().article.findMany({ where: { published: true, priceCents: { gt: 0 } }, select: { priceCents: true } });
  const others = [
    ...(await db().series.findMany({ where: { published: true }, select: { priceCents: true } })),
    ...(await db().pass.findMany({ where: { active: true }, select: { priceCents: true } })),
  ];
  const prices = new Map<number, number>();
  for (const a of articles) prices.set(a.priceCents, (prices.get(a.priceCents) ?? 0) + 1);
  for (const o of others) prices.set(o.priceCents, prices.get(o.priceCents) ?? 0);
  const codes = await usableCodes({ demo: await isDemoMode() });
  const held = await db().order.findMany({
    where: { openSlot: { not: null }, slotHeldUntil: { gt: now } },
    select: { channel: true, amountCents: true },
  });
  const rows: CapacityRow[] = [];
  for (const [priceCents, count] of [...prices].sort((a, b) => a[0] - b[0])) {
    for (const channel of CHANNELS) {
      const mine = codes.filter((c) => c.channel === channel);
      const plan = planSlots(candidateAmounts(priceCents, policy), mine);
      const band = priceBand(priceCents, policy);
      const amounts = new Set(plan.map((p) => p.amountCents));
      const fixed = plan.filter((p) => p.fixedAmount).length;
      rows.push({
        priceCents,
        channel,
        ...band,
        capacity: plan.length,
        fixedAmount: fixed,
        typed: plan.length - fixed,
        heldNow: held.filter((h) => h.channel === channel && amounts.has(h.amountCents)).length,
        articles: count,
        others: others.filter((o) => o.priceCents === priceCents).length,
      });
    }
  }
  return { policy, timing: timing(), items: rows };
}
