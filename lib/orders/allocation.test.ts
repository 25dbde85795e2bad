import { describe, expect, it } from "vitest";
import { candidateAmounts, capacity, pickFree, planSlots, slotKey } from "@/lib/orders/allocation";

const down = { steps: 99, direction: "down" as const, floorCents: 1 };

describe("amount allocation (pure)", () => {
  it("lists the list price first, then one cent further each step, down to the floor", () => {
    expect(candidateAmounts(100, { ...down, steps: 3 })).toEqual([100, 99, 98, 97]);
    expect(candidateAmounts(3, down)).toEqual([3, 2, 1]);
    expect(candidateAmounts(50, { ...down, floorCents: 48 })).toEqual([50, 49, 48]);
  });

  it("steps up or alternates when configured", () => {
    expect(candidateAmounts(100, { ...down, steps: 2, direction: "up" })).toEqual([100, 101, 102]);
    expect(candidateAmounts(100, { ...down, steps: 2, direction: "both" })).toEqual([100, 99, 101, 98, 102]);
  });

  it("plans fixed-amount codes before the universal code and drops amounts no code can serve", () => {
    const plan = planSlots(
      [100, 99, 98],
      [
        { id: "f99", amountCents: 99 },
        { id: "f50", amountCents: 50 },
      ],
    );
    expect(plan).toEqual([{ amountCents: 99, qrCodeId: "f99", fixedAmount: true }]);
    const withUniversal = planSlots(
      [100, 99],
      [
        { id: "u", amountCents: null },
        { id: "f99", amountCents: 99 },
      ],
    );
    expect(withUniversal.map((p) => [p.amountCents, p.qrCodeId])).toEqual([
      [99, "f99"],
      [100, "u"],
    ]);
  });

  it("picks the first free planned slot or null", () => {
    const plan = planSlots([100, 99], [{ id: "u", amountCents: null }]);
    expect(pickFree(plan, new Set([100]))?.amountCents).toBe(99);
    expect(pickFree(plan, new Set([100, 99]))).toBeNull();
  });

  it("counts capacity as the number of usable distinct amounts", () => {
    expect(capacity(100, [{ id: "u", amountCents: null }], down)).toBe(100);
    expect(capacity(500, [{ id: "u", amountCents: null }], down)).toBe(100);
    expect(
      capacity(
        100,
        [
          { id: "f", amountCents: 100 },
          { id: "g", amountCents: 100 },
        ],
        down,
      ),
    ).toBe(1);
    expect(capacity(100, [], down)).toBe(0);
  });

  it("keys a slot by channel and amount, so the same amount on two channels is two slots", () => {
    expect(slotKey("alipay", 99)).toBe("alipay:99");
    expect(slotKey("wechat", 99)).not.toBe(slotKey("alipay", 99));
  });
});
