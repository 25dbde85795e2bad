import { describe, expect, it } from "vitest";
import { Ledger } from "../../tests/support/ledger";
import type { AmountPolicy, QrOption } from "@/lib/orders/allocation";

const universal = (id = "u"): QrOption => ({ id, amountCents: null, accountId: "A" });
const fixed = (amountCents: number): QrOption => ({ id: `f${amountCents}`, amountCents, accountId: "A" });
const band: AmountPolicy = { steps: 99, direction: "down", floorCents: 1, maxDiscountPercent: 10, maxMarkupPercent: 10 };

describe("slot lifecycle with an injected clock", () => {
  it("settles an on-time payment as matched and the same amount after expiry (within grace) as late", () => {
    const l = new Ledger({ wechat: [universal()], alipay: [] });
    const a = l.order(100)!;
    l.advance(119);
    expect(l.pay("wechat", 100)).toMatchObject({ verdict: "matched", order: a });
    const b = l.order(100)!;
    expect(b.amountCents).toBe(99);
    l.advance(121);
    expect(l.pay("wechat", 99)).toMatchObject({ verdict: "late_matched", order: b });
    expect(b.late).toBe(true);
  });

  it("expires an order at exactly ORDER_TTL_SECONDS but keeps its slot until the grace ends", () => {
    const l = new Ledger({ wechat: [universal()], alipay: [] });
    l.order(100);
    l.advance(120 + 599);
    expect(l.order(100)!.amountCents).toBe(99);
    l.advance(1);
    // Grace over: the slot is free again and a payment for it now belongs to the new holder.
    const c = l.order(100)!;
    expect(c.amountCents).toBe(100);
  });

  it("records a payment after the grace window as unmatched", () => {
    const l = new Ledger({ wechat: [universal()], alipay: [] });
    l.order(100);
    l.advance(120 + 600);
    expect(l.pay("wechat", 100)).toEqual({ verdict: "unmatched" });
  });

  it("settles a payment made just before cancelling as late, within grace from the cancel", () => {
    const l = new Ledger({ wechat: [universal()], alipay: [] });
    const a = l.order(100)!;
    l.advance(30);
    l.cancel(a);
    expect(a.status).toBe("cancelled");
    l.advance(599);
    expect(l.pay("wechat", 100)).toMatchObject({ verdict: "late_matched", order: a });
    expect(a.status).toBe("paid");
  });

  it("frees a cancelled order's slot once the grace from the cancel has passed", () => {
    const l = new Ledger({ wechat: [universal()], alipay: [] });
    const a = l.order(100)!;
    l.advance(10);
    l.cancel(a);
    l.advance(600);
    expect(l.order(100)!.amountCents).toBe(100);
  });

  it("reports busy (null) when every candidate amount is held, never a shared amount", () => {
    const l = new Ledger({ wechat: [universal()], alipay: [] }, { ...band, steps: 2 });
    const got = [l.order(100), l.order(100), l.order(100)].map((o) => o!.amountCents);
    expect(got).toEqual([100, 99, 98]);
    expect(l.order(100)).toBeNull();
    expect(l.order(100, "alipay")).toBeNull(); // no code at all on that channel
  });

  it("never goes below the band: a full ¥1.00 band is busy, never ¥0.89", () => {
    const l = new Ledger({ wechat: [universal()], alipay: [] });
    const got = Array.from({ length: 12 }, () => l.order(100)?.amountCents ?? null);
    expect(got).toEqual([100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 90, null]);
  });

  it("never goes below the floor", () => {
    const l = new Ledger({ wechat: [universal()], alipay: [] }, { ...band, maxDiscountPercent: 50 });
    expect([l.order(2), l.order(2), l.order(2)].map((o) => o?.amountCents ?? null)).toEqual([2, 1, null]);
  });

  it("keeps a paid order's slot for the echo window, so a second notice cannot settle a new order", () => {
    const l = new Ledger({ wechat: [universal()], alipay: [] });
    const a = l.order(80)!;
    l.advance(5);
    expect(l.pay("wechat", 80).order).toBe(a);
    const b = l.order(80)!;
    expect(b.amountCents).toBe(79); // 80 is still held by the paid order
    l.advance(20);
    expect(l.pay("wechat", 80)).toEqual({ verdict: "suspected_duplicate" });
    expect(b.status).toBe("pending");
  });

  it("reuses a slot after the echo window of a settled order", () => {
    const l = new Ledger({ wechat: [universal()], alipay: [] });
    l.order(100);
    l.pay("wechat", 100);
    l.advance(300);
    expect(l.order(100)!.amountCents).toBe(100);
  });

  it("frees a slot at once after settlement when the echo window is 0", () => {
    const l = new Ledger({ wechat: [universal()], alipay: [] }, undefined, { ttlSeconds: 120, graceSeconds: 600, echoSeconds: 0 });
    l.order(100);
    l.pay("wechat", 100);
    expect(l.order(100)!.amountCents).toBe(100);
  });

  it("hands out fixed-amount codes first, then the universal code's amounts", () => {
    const l = new Ledger({ wechat: [universal(), fixed(98), fixed(95)], alipay: [] });
    const got = [1, 2, 3, 4].map(() => l.order(100)!);
    expect(got.map((o) => [o.amountCents, o.fixedAmount])).toEqual([
      [98, true],
      [95, true],
      [100, false],
      [99, false],
    ]);
  });

  it("offers only fixed amounts when the channel has no universal code", () => {
    const l = new Ledger({ wechat: [fixed(100), fixed(99), fixed(150)], alipay: [] });
    expect([l.order(100), l.order(100), l.order(100)].map((o) => o?.amountCents ?? null)).toEqual([100, 99, null]);
  });

  it("steps upwards when configured so, and alternates with both", () => {
    const up = new Ledger({ wechat: [universal()], alipay: [] }, { ...band, steps: 2, direction: "up" });
    expect([up.order(100), up.order(100), up.order(100), up.order(100)].map((o) => o?.amountCents ?? null)).toEqual([100, 101, 102, null]);
    const both = new Ledger({ wechat: [universal()], alipay: [] }, { ...band, steps: 2, direction: "both" });
    expect([1, 2, 3, 4, 5].map(() => both.order(100)!.amountCents)).toEqual([100, 99, 101, 98, 102]);
  });

  it("keeps the channels apart: the same amount can be open once per channel", () => {
    const l = new Ledger({ wechat: [universal("w")], alipay: [universal("a")] });
    expect(l.order(100, "wechat")!.amountCents).toBe(100);
    expect(l.order(100, "alipay")!.amountCents).toBe(100);
    expect(l.pay("alipay", 100).order?.channel).toBe("alipay");
  });
});

describe("the one extension of an order that ran out while the reader was away", () => {
  it("extends an expired order once, keeping its amount, and a payment then is matched on time", () => {
    const l = new Ledger({ wechat: [universal()], alipay: [] });
    const a = l.order(100)!;
    l.advance(300); // the reader was in WeChat for five minutes
    expect(l.extend(a)).toBe(true);
    expect(a.status).toBe("pending");
    expect(a.expiresAt.getTime()).toBe(l.clock.getTime() + 120_000);
    expect(l.order(100)!.amountCents).toBe(99); // nobody else gets the extended amount
    l.advance(100);
    expect(l.pay("wechat", 100)).toMatchObject({ verdict: "matched", order: a });
    expect(a.late).toBe(false);
  });

  it("refuses a second extension", () => {
    const l = new Ledger({ wechat: [universal()], alipay: [] });
    const a = l.order(100)!;
    l.advance(130);
    expect(l.extend(a)).toBe(true);
    l.advance(130);
    expect(l.extend(a)).toBe(false);
    expect(a.status).toBe("pending"); // unchanged: expired by the clock, still holding for late payments
  });

  it("refuses while the order is still running, after a cancel, after payment and after the grace window", () => {
    const l = new Ledger({ wechat: [universal()], alipay: [] });
    const running = l.order(100)!;
    expect(l.extend(running)).toBe(false);
    const cancelled = l.order(100)!;
    l.cancel(cancelled);
    l.advance(130);
    expect(l.extend(cancelled)).toBe(false);
    l.pay("wechat", running.amountCents);
    expect(l.extend(running)).toBe(false);
    const late = l.order(100)!;
    l.advance(120 + 600);
    expect(l.extend(late)).toBe(false);
  });

  it("never shortens the hold: a long grace window is kept when it ends after the new deadline + grace", () => {
    const l = new Ledger({ wechat: [universal()], alipay: [] }, undefined, { ttlSeconds: 120, graceSeconds: 600, echoSeconds: 300 });
    const a = l.order(100)!;
    const before = a.slotHeldUntil.getTime();
    l.advance(121);
    l.extend(a);
    expect(a.slotHeldUntil.getTime()).toBeGreaterThanOrEqual(before);
    expect(a.slotHeldUntil.getTime()).toBe(l.clock.getTime() + 720_000);
  });
});
