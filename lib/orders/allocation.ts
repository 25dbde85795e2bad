/**
 * Pure amount allocation. A personal receiving code tells us only channel and
 * amount, and the phone that forwarded it tells us the receiving account, so
 * every open order on one account must have an amount of its own: the slot is
 * (channel, account, amount). Each account adds a whole band of amounts.
 * No I/O here: the service reads the taken slots and takes one atomically.
 */
import type { Channel } from "@/lib/channels";

/** Which way unique amounts move from the list price (AMOUNT_DIRECTION), in the owner's words. */
export const AMOUNT_DIRECTION_LABEL = { down: "只降价", up: "只加价", both: "上下浮动" } as const;

export interface AmountPolicy {
  /** At most this many 1-cent steps away from the list price (bounds the work per order). */
  steps: number;
  direction: keyof typeof AMOUNT_DIRECTION_LABEL;
  /** Never ask for less than this many cents. */
  floorCents: number;
  /** Never ask for less than (100 − this)% of the list price. */
  maxDiscountPercent: number;
  /** Never ask for more than (100 + this)% of the list price (only when the direction allows up). */
  maxMarkupPercent: number;
}

export interface QrOption {
  id: string;
  amountCents: number | null;
  /** The receiving account the code belongs to (a code without one belongs to the channel's default). */
  accountId: string;
}

export interface SlotPlan {
  amountCents: number;
  accountId: string;
  qrCodeId: string;
  /** True when the code itself carries the amount (reader only confirms). */
  fixedAmount: boolean;
}

/**
 * The lowest and highest amount a reader of this list price may be asked for.
 * The band is what makes slot exhaustion harmless: whoever holds every amount
 * in it gets the next reader a "busy", never a cheaper price.
 */
export function priceBand(listPriceCents: number, policy: AmountPolicy): { minCents: number; maxCents: number } {
  const p = listPriceCents;
  const down = policy.direction !== "up";
  const up = policy.direction !== "down";
  // Integer arithmetic: ceil(p·(100−d)/100) and floor(p·(100+m)/100).
  const byPercent = Math.floor((p * (100 - policy.maxDiscountPercent) + 99) / 100);
  const minCents = down ? Math.max(policy.floorCents, byPercent, p - policy.steps) : p;
  const maxCents = up ? Math.min(Math.floor((p * (100 + policy.maxMarkupPercent)) / 100), p + policy.steps) : p;
  return { minCents: Math.min(minCents, p), maxCents: Math.max(maxCents, p) };
}

/** Amounts in preference order: the list price first, then one cent further each step, inside the band. */
export function candidateAmounts(listPriceCents: number, policy: AmountPolicy): number[] {
  const { minCents, maxCents } = priceBand(listPriceCents, policy);
  const out: number[] = [];
  if (listPriceCents >= policy.floorCents) out.push(listPriceCents);
  for (let i = 1; i <= policy.steps; i++) {
    const lower = listPriceCents - i;
    const upper = listPriceCents + i;
    if (lower < minCents && upper > maxCents) break;
    if (policy.direction !== "up" && lower >= minCents && lower >= policy.floorCents) out.push(lower);
    if (policy.direction !== "down" && upper <= maxCents) out.push(upper);
  }
  return out;
}

/**
 * The usable (account, amount, code) triples in the order they should be handed out:
 * amounts with a fixed-amount code first (the reader just scans and confirms),
 * then amounts served by an account's universal code (the reader types it); within
 * each, the amount nearest the list price first, and for one amount the accounts in
 * `accounts` order. So a second account serves the list price before the first one
 * steps down a cent: the owner gives away as little as possible.
 * Codes of accounts not in `accounts` (disabled, phone offline) are not used; without
 * `accounts`, every account the codes name is used, in the order they first appear.
 */
export function planSlots(candidates: number[], codes: QrOption[], accounts?: readonly string[]): SlotPlan[] {
  const order = accounts ?? [...new Set(codes.map((c) => c.accountId))];
  const rank = new Map(candidates.map((a, i) => [a, i]));
  const all: { plan: SlotPlan; account: number }[] = [];
  order.forEach((accountId, account) => {
    const fixed = new Map<number, string>();
    let universal: string | undefined;
    for (const c of codes) {
      if (c.accountId !== accountId) continue;
      if (c.amountCents === null) universal ??= c.id;
      else if (!fixed.has(c.amountCents)) fixed.set(c.amountCents, c.id);
    }
    for (const amountCents of candidates) {
      const id = fixed.get(amountCents);
      if (id) all.push({ plan: { amountCents, accountId, qrCodeId: id, fixedAmount: true }, account });
      else if (universal) all.push({ plan: { amountCents, accountId, qrCodeId: universal, fixedAmount: false }, account });
    }
  });
  all.sort(
    (x, y) =>
      Number(!x.plan.fixedAmount) - Number(!y.plan.fixedAmount) ||
      rank.get(x.plan.amountCents)! - rank.get(y.plan.amountCents)! ||
      x.account - y.account,
  );
  return all.map((x) => x.plan);
}

/** The slot an order holds: the UNIQUE index on Order.openSlot makes it one open order per (channel, account, amount). */
export const slotKey = (channel: Channel, accountId: string, amountCents: number) => `${channel}:${accountId}:${amountCents}`;

/** The first planned slot no open order holds (`taken`: the channel's held slot keys), or null when all are taken. */
export function pickFree(channel: Channel, plan: SlotPlan[], taken: ReadonlySet<string>): SlotPlan | null {
  return plan.find((p) => !taken.has(slotKey(channel, p.accountId, p.amountCents))) ?? null;
}

/** How many readers can be paying this price on this channel at once: amounts in the band × accounts with codes for them. */
export function capacity(listPriceCents: number, codes: QrOption[], policy: AmountPolicy, accounts?: readonly string[]): number {
  return planSlots(candidateAmounts(listPriceCents, policy), codes, accounts).length;
}
