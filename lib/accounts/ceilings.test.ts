import { describe, expect, it } from "vitest";
import { accountFull, amountAllowed, crossings, hasLimits, meterText, NO_LIMITS, type DayUsage } from "./ceilings";

const usage = (count: number, cents: number, byAmount: [number, number][] = []): DayUsage => ({
  count,
  cents,
  byAmount: new Map(byAmount),
});
const yuan = (c: number) => (c / 100).toFixed(2);

describe("daily ceilings", () => {
  it("lets an account without ceilings take anything", () => {
    expect(hasLimits(NO_LIMITS)).toBe(false);
    expect(accountFull(NO_LIMITS, usage(10_000, 10_000_000), 100)).toBe(false);
    expect(amountAllowed(NO_LIMITS, usage(1, 100, [[100, 999]]), 100)).toBe(true);
  });

  it("fills at the count: the 50th order is allowed, the 51st not", () => {
    const l = { ...NO_LIMITS, perDayCount: 50 };
    expect(accountFull(l, usage(49, 0), 100)).toBe(false);
    expect(accountFull(l, usage(50, 0), 100)).toBe(true);
  });

  it("checks money with the quoted price, so a full account never offers a cheaper amount to fit", () => {
    const l = { ...NO_LIMITS, perDayCents: 50_000 };
    expect(accountFull(l, usage(3, 49_900), 100)).toBe(false);
    expect(accountFull(l, usage(3, 49_950), 100)).toBe(true);
  });

  it("limits one amount without closing the account", () => {
    const l = { ...NO_LIMITS, perDaySameAmount: 2 };
    const u = usage(2, 200, [[100, 2]]);
    expect(amountAllowed(l, u, 100)).toBe(false);
    expect(amountAllowed(l, u, 99)).toBe(true);
    expect(accountFull(l, u, 100)).toBe(false);
  });

  it("reports crossing 80% once, and 100% as the ceiling (not both at once)", () => {
    const l = { perDayCount: 10, perDayCents: 1000, perDaySameAmount: null };
    expect(crossings(l, usage(7, 100), 100)).toEqual([{ limit: "perDayCount", percent: 80, used: 8, max: 10 }]);
    expect(crossings(l, usage(8, 100), 100)).toEqual([]);
    expect(crossings(l, usage(9, 100), 100)).toEqual([{ limit: "perDayCount", percent: 100, used: 10, max: 10 }]);
    // A small ceiling jumped past 80% straight to 100% by one order: one alert, the ceiling.
    expect(crossings({ ...NO_LIMITS, perDayCount: 2 }, usage(1, 0), 100)).toEqual([
      { limit: "perDayCount", percent: 100, used: 2, max: 2 },
    ]);
    expect(crossings(l, usage(1, 750), 100)).toEqual([{ limit: "perDayCents", percent: 80, used: 850, max: 1000 }]);
  });

  it("shows the meter the owner reads: 今日 12/50 笔 · ¥60.00/¥500.00", () => {
    expect(meterText(usage(12, 6000), { perDayCount: 50, perDayCents: 50_000, perDaySameAmount: null }, yuan)).toBe(
      "今日 12/50 笔 · ¥60.00/¥500.00",
    );
    expect(meterText(usage(3, 300), NO_LIMITS, yuan)).toBe("今日 3 笔 · ¥3.00");
  });
});
