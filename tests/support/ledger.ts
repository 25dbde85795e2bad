/**
 * An in-memory model of the slot table for unit tests: the same pure rules the
 * database code applies (allocation.ts + rules.ts), driven by a fake clock.
 */
import type { Channel } from "@/lib/channels";
import { candidateAmounts, pickFree, planSlots, slotKey, type AmountPolicy, type QrOption } from "@/lib/orders/allocation";
import { cancelPatch, extendPatch, holdsSlot, judgePayment, newOrderTimes, paidPatch, type Timing } from "@/lib/orders/rules";

export interface MemOrder {
  id: string;
  channel: Channel;
  amountCents: number;
  accountId: string;
  fixedAmount: boolean;
  status: string;
  expiresAt: Date;
  openSlot: string | null;
  slotHeldUntil: Date;
  late: boolean;
  extendedAt: Date | null;
}

export class Ledger {
  orders: MemOrder[] = [];
  clock = new Date("2026-01-01T00:00:00Z");
  constructor(
    private codes: Record<Channel, QrOption[]>,
    private policy: AmountPolicy = { steps: 99, direction: "down", floorCents: 1, maxDiscountPercent: 10, maxMarkupPercent: 10 },
    private t: Timing = { ttlSeconds: 120, graceSeconds: 600, echoSeconds: 300 },
  ) {}

  advance(seconds: number) {
    this.clock = new Date(this.clock.getTime() + seconds * 1000);
  }

  /** Like createOrder: release stale holds, then take the first free planned slot (null = busy). */
  order(priceCents: number, channel: Channel = "wechat"): MemOrder | null {
    const now = this.clock;
    for (const o of this.orders) if (o.openSlot && !holdsSlot(o, now)) o.openSlot = null;
    const taken = new Set(this.orders.filter((o) => o.channel === channel && o.openSlot).map((o) => o.openSlot!));
    const slot = pickFree(channel, planSlots(candidateAmounts(priceCents, this.policy), this.codes[channel]), taken);
    if (!slot) return null;
    const o: MemOrder = {
      id: `o${this.orders.length + 1}`,
      channel,
      amountCents: slot.amountCents,
      accountId: slot.accountId,
      fixedAmount: slot.fixedAmount,
      status: "pending",
      openSlot: slotKey(channel, slot.accountId, slot.amountCents),
      late: false,
      extendedAt: null,
      ...newOrderTimes(now, this.t),
    };
    this.orders.push(o);
    return o;
  }

  cancel(o: MemOrder) {
    const patch = cancelPatch(o, this.clock, this.t);
    if (patch) Object.assign(o, patch);
  }

  /** Like extendOrder: true when the one extension was granted. */
  extend(o: MemOrder): boolean {
    const patch = extendPatch(o, this.clock, this.t);
    if (patch) Object.assign(o, patch);
    return patch !== null;
  }

  /** Like settlePayment (the phone's account; "A" when not given): the verdict, and the order it settled (if any). */
  pay(channel: Channel, amountCents: number, accountId = "A"): { verdict: string; order?: MemOrder } {
    const holder = this.orders.find((o) => o.openSlot === slotKey(channel, accountId, amountCents)) ?? null;
    const verdict = judgePayment(holder, this.clock);
    if (holder && (verdict === "matched" || verdict === "late_matched")) {
      Object.assign(holder, paidPatch(this.clock, verdict === "late_matched", this.t));
      return { verdict, order: holder };
    }
    return { verdict };
  }
}
