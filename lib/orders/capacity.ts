import { db } from "@/lib/db/client";
import { CHANNELS, type Channel } from "@/lib/channels";
import { candidateAmounts, planSlots, priceBand } from "@/lib/orders/allocation";
import { amountPolicy, timing } from "@/lib/orders/policy";
import { usableAccountIds, usableCodes } from "@/lib/orders/codes";
import { accountStates } from "@/lib/accounts/store";
import { isDemoMode } from "@/lib/devices/demo-mode";

/**
 * How many readers can be paying at once, per price and channel, with the QR
 * codes and receiving accounts configured now (GET /api/admin/capacity): amounts
 * in the band × accounts that can be handed out (enabled, phone online). Prices
 * close together share amounts (¥1.00 and ¥0.99 both want 0.98 …), so capacities
 * of different prices on one channel do not add up.
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
  /** The same per receiving account of the channel (an account not handed out now has usable false and counts in no total). */
  byAccount: { accountId: string; usable: boolean; capacity: number; heldNow: number }[];
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
  const demo = await isDemoMode();
  const accounts = await accountStates(now);
  const codes = await usableCodes({ demo }, accounts);
  const held = await db().order.findMany({
    where: { openSlot: { not: null }, slotHeldUntil: { gt: now } },
    select: { channel: true, amountCents: true, accountId: true },
  });
  const rows: CapacityRow[] = [];
  for (const [priceCents, count] of [...prices].sort((a, b) => a[0] - b[0])) {
    for (const channel of CHANNELS) {
      const mine = codes.filter((c) => c.channel === channel);
      const usable = new Set(usableAccountIds(accounts, channel, demo));
      const candidates = candidateAmounts(priceCents, policy);
      const heldOn = (accountId: string, amounts: Set<number>) =>
        held.filter((h) => h.channel === channel && h.accountId === accountId && amounts.has(h.amountCents)).length;
      const byAccount = accounts
        .filter((a) => a.channel === channel)
        .map((a) => {
          const plan = planSlots(candidates, mine, [a.id]);
          return {
            accountId: a.id,
            usable: usable.has(a.id),
            capacity: plan.length,
            heldNow: heldOn(a.id, new Set(plan.map((p) => p.amountCents))),
          };
        });
      const plan = planSlots(candidates, mine, [...usable]);
      const fixed = plan.filter((p) => p.fixedAmount).length;
      rows.push({
        priceCents,
        channel,
        ...priceBand(priceCents, policy),
        capacity: plan.length,
        fixedAmount: fixed,
        typed: plan.length - fixed,
        heldNow: byAccount.filter((a) => a.usable).reduce((n, a) => n + a.heldNow, 0),
        byAccount,
        articles: count,
        others: others.filter((o) => o.priceCents === priceCents).length,
      });
    }
  }
  // Per account: how many amounts it holds now over all prices (the capacity view's "in use").
  const accountRows = accounts.map((a) => ({
    id: a.id,
    channel: a.channel,
    name: a.name,
    isDefault: a.isDefault,
    enabled: a.enabled,
    online: a.online,
    usable: usableAccountIds(accounts, a.channel, demo).includes(a.id),
    heldNow: held.filter((h) => h.accountId === a.id).length,
  }));
  return { policy, timing: timing(), demo, accounts: accountRows, items: rows };
}
