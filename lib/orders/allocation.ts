/**
 * Pure amount allocation. A personal receiving code tells us only channel and
 * amount, so every open order on a channel must have an amount of its own.
 * No I/O here: the service reads the taken slots and claims one atomically.
 */
import type { Channel } from "@/lib/channels";

export interface AmountPolicy {
  /** How many 1-cent steps away from the list price are allowed. */
  steps: number;
  direction: "down" | "up" | "both";
  /** Never ask for less than this many cents. */
  floorCents: number;
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

/** Amounts in preference order: the list price first, then one cent further each step. */
export function candidateAmounts(listPriceCents: number, policy: AmountPolicy): number[] {
  const out: number[] = [];
  const push = (a: number) => {
    if (a >= policy.floorCents && !out.includes(a)) out.push(a);
  };
  push(listPriceCents);
  for (let i = 1; i <= policy.steps; i++) {
    if (policy.direction !== "up") push(listPriceCents - i);
    if (policy.direction !== "down") push(listPriceCents + i);
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
