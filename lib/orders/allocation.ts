/**
 * Pure amount allocation. A personal receiving code tells us only channel and
 * amount, so every open order on a channel must have an amount of its own.
 * No I/O here: the service reads the taken slots and claims one atomically.
 */
import type { Channel } from "@/lib/channels";

export interface AmountPolicy {
  /** At most this many 1-cent steps away from the list price (bounds the work per order). */
  steps: number;
  direction: "down" | "up" | "both";
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
}

export interface SlotPlan {
  amountCents: number;
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
 * The usable (amount, code) pairs in the order they should be handed out:
 * amounts with a fixed-amount code first (the reader just scans and confirms),
 * then amounts served by the channel's universal code (the reader types it).
 */
export function planSlots(candidates: number[], codes: QrOption[]): SlotPlan[] {
  const fixed = new Map<number, string>();
  let universal: string | undefined;
  for (const c of codes) {
    if (c.amountCents === null) universal ??= c.id;
    else if (!fixed.has(c.amountCents)) fixed.set(c.amountCents, c.id);
  }
  const withFixed: SlotPlan[] = [];
  const withUniversal: SlotPlan[] = [];
  for (const amountCents of candidates) {
    const id = fixed.get(amountCents);
    if (id) withFixed.push({ amountCents, qrCodeId: id, fixedAmount: true });
    else if (universal) withUniversal.push({ amountCents, qrCodeId: universal, fixedAmount: false });
  }
  return [...withFixed, ...withUniversal];
}

/** The first planned slot whose amount no open order holds, or null when all are taken. */
export function pickFree(plan: SlotPlan[], taken: ReadonlySet<number>): SlotPlan | null {
  return plan.find((p) => !taken.has(p.amountCents)) ?? null;
}

export const slotKey = (channel: Channel, amountCents: number) => `${channel}:${amountCents}`;

/** How many readers can be paying this price on this channel at once. */
export function capacity(listPriceCents: number, codes: QrOption[], policy: AmountPolicy): number {
  return planSlots(candidateAmounts(listPriceCents, policy), codes).length;
}
