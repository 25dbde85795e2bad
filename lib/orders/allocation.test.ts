import { describe, expect, it } from "vitest";
import { candidateAmounts, capacity, pickFree, planSlots, priceBand, slotKey } from "@/lib/orders/allocation";

/** The defaults: down only, 10% band, 99 steps at most. */
const down = { steps: 99, direction: "down" as const, floorCents: 1, maxDiscountPercent: 10, maxMarkupPercent: 10 };
const wide = { ...down, maxDiscountPercent: 50 };

describe("amount allocation (pure)", () => {
  it("lists the list price first, then one cent further each step, down to the floor", () => {
    expect(candidateAmounts(100, { ...down, steps: 3 })).toEqual([100, 99, 98, 97]);
    expect(candidateAmounts(3, { ...wide })).toEqual([3, 2]);
    expect(candidateAmounts(50, { ...wide, floorCents: 48 })).toEqual([50, 49, 48]);
  });

  it("never goes below 90% of the list price by default: ¥1.00 has 11 amounts, ¥0.10 two, ¥0.05 one", () => {
    expect(candidateAmounts(100, down)).toEqual([100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 90]);
    expect(candidateAmounts(10, down)).toEqual([10, 9]);
    expect(candidateAmounts(5, down)).toEqual([5]);
    expect(candidateAmounts(1, down)).toEqual([1]);
    expect(priceBand(100, down)).toEqual({ minCents: 90, maxCents: 100 });
    expect(priceBand(999, down)).toEqual({ minCents: 900, maxCents: 999 }); // 899.1 rounds up: never below 90%
  });

  it("caps the steps at AMOUNT_STEPS when the band is wider", () => {
    const amounts = candidateAmounts(10_000, down);
    expect(amounts).toHaveLength(100);
    expect(Math.min(...amounts)).toBe(9_901);
    expect(priceBand(10_000, down)).toEqual({ minCents: 9_901, maxCents: 10_000 });
  });

  it("steps up (never above 110%) or alternates only when configured", () => {
    expect(candidateAmounts(100, { ...down, steps: 2, direction: "up" })).toEqual([100, 101, 102]);
    expect(candidateAmounts(100, { ...down, steps: 2, direction: "both" })).toEqual([100, 99, 101, 98, 102]);
    expect(candidateAmounts(20, { ...down, direction: "up" })).toEqual([20, 21, 22]);
    expect(candidateAmounts(20, { ...down, direction: "both" })).toEqual([20, 19, 21, 18, 22]);
    expect(priceBand(100, { ...down, direction: "both" })).toEqual({ minCents: 90, maxCents: 110 });
    expect(priceBand(100, { ...down, direction: "up", maxMarkupPercent: 0 })).toEqual({ minCents: 100, maxCents: 100 });
    expect(candidateAmounts(100, { ...down, maxDiscountPercent: 0 })).toEqual([100]);
  });

  it("plans fixed-amount codes before the universal code and drops amounts no code can serve", () => {
    const plan = planSlots(
      [100, 99, 98],
      [
        { id: "f99", amountCents: 99, accountId: "A" },
        { id: "f50", amountCents: 50, accountId: "A" },
      ],
    );
    expect(plan).toEqual([{ amountCents: 99, accountId: "A", qrCodeId: "f99", fixedAmount: true }]);
    const withUniversal = planSlots(
      [100, 99],
      [
        { id: "u", amountCents: null, accountId: "A" },
        { id: "f99", amountCents: 99, accountId: "A" },
      ],
    );
    expect(withUniversal.map((p) => [p.amountCents, p.qrCodeId])).toEqual([
      [99, "f99"],
      [100, "u"],
    ]);
  });

  it("picks the first free planned slot or null", () => {
    const plan = planSlots([100, 99], [{ id: "u", amountCents: null, accountId: "A" }]);
    expect(pickFree("wechat", plan, new Set(["wechat:A:100"]))?.amountCents).toBe(99);
    expect(pickFree("wechat", plan, new Set(["wechat:A:100", "wechat:A:99"]))).toBeNull();
    // The same amount held on another account or channel does not take this one.
    expect(pickFree("wechat", plan, new Set(["wechat:B:100", "alipay:A:100"]))?.amountCents).toBe(100);
  });

  it("counts capacity as the number of usable distinct amounts inside the band", () => {
    expect(capacity(100, [{ id: "u", amountCents: null, accountId: "A" }], down)).toBe(11);
    expect(capacity(500, [{ id: "u", amountCents: null, accountId: "A" }], down)).toBe(51);
    expect(capacity(2_000, [{ id: "u", amountCents: null, accountId: "A" }], down)).toBe(100);
    expect(capacity(100, [{ id: "f", amountCents: 85, accountId: "A" }], down)).toBe(0); // a fixed code outside the band is never used
    expect(
      capacity(
        100,
        [
          { id: "f", amountCents: 100, accountId: "A" },
          { id: "g", amountCents: 100, accountId: "A" },
        ],
        down,
      ),
    ).toBe(1);
    expect(capacity(100, [], down)).toBe(0);
  });

  it("keys a slot by channel, account and amount, so the same amount on two channels or two accounts is two slots", () => {
    expect(slotKey("alipay", "A", 99)).toBe("alipay:A:99");
    expect(slotKey("wechat", "A", 99)).not.toBe(slotKey("alipay", "A", 99));
    expect(slotKey("wechat", "A", 99)).not.toBe(slotKey("wechat", "B", 99));
  });

  it("offers the list price on every account before any account steps down a cent", () => {
    const codes = [
      { id: "ua", amountCents: null, accountId: "A" },
      { id: "ub", amountCents: null, accountId: "B" },
    ];
    const plan = planSlots([100, 99, 98], codes, ["A", "B"]);
    expect(plan.map((p) => `${p.accountId}${p.amountCents}`)).toEqual(["A100", "B100", "A99", "B99", "A98", "B98"]);
    expect(plan.find((p) => p.accountId === "B")?.qrCodeId).toBe("ub");
  });

  it("keeps fixed-amount codes first across accounts and uses each account's own codes only", () => {
    const codes = [
      { id: "ua", amountCents: null, accountId: "A" },
      { id: "fb99", amountCents: 99, accountId: "B" },
    ];
    const plan = planSlots([100, 99], codes, ["A", "B"]);
    expect(plan.map((p) => [p.accountId, p.amountCents, p.qrCodeId])).toEqual([
      ["B", 99, "fb99"],
      ["A", 100, "ua"],
      ["A", 99, "ua"],
    ]);
  });

  it("leaves out accounts not listed as usable (disabled, or their phone offline)", () => {
    const codes = [
      { id: "ua", amountCents: null, accountId: "A" },
      { id: "ub", amountCents: null, accountId: "B" },
    ];
    expect(planSlots([100, 99], codes, ["B"]).map((p) => p.qrCodeId)).toEqual(["ub", "ub"]);
    expect(planSlots([100, 99], codes, [])).toEqual([]);
  });

  it("multiplies capacity by the accounts that have codes for the band", () => {
    const codes = [
      { id: "ua", amountCents: null, accountId: "A" },
      { id: "ub", amountCents: null, accountId: "B" },
      { id: "uc", amountCents: null, accountId: "C" },
    ];
    expect(capacity(500, codes, down)).toBe(153);
    expect(capacity(500, codes, down, ["A", "C"])).toBe(102);
  });
});
