import { describe, expect, it } from "vitest";
import { nextPeriod, passLengthLabel, passStatus } from "@/lib/passes/period";

const t0 = new Date("2026-01-01T00:00:00Z");
const days = (n: number) => new Date(t0.getTime() + n * 86_400_000);

describe("site pass periods (pure)", () => {
  it("starts a first pass now and ends it after its days", () => {
    expect(nextPeriod([], 30, t0)).toEqual({ startsAt: t0, endsAt: days(30) });
  });

  it("extends a valid pass from its current end, not from now", () => {
    const first = nextPeriod([], 30, t0);
    const renewal = nextPeriod([first], 30, days(10));
    expect(renewal).toEqual({ startsAt: days(30), endsAt: days(60) });
    expect(passStatus([first, renewal], days(45))).toEqual({ active: true, lifetime: false, until: days(60) });
    // A third purchase chains after the second.
    expect(nextPeriod([first, renewal], 7, days(11)).startsAt).toEqual(days(60));
  });

  it("chains after a period that begins a moment after now (a concurrent settlement's clock)", () => {
    const other = nextPeriod([], 30, new Date(t0.getTime() + 5));
    expect(nextPeriod([other], 7, t0)).toEqual({ startsAt: other.endsAt, endsAt: new Date(other.endsAt!.getTime() + 7 * 86_400_000) });
  });

  it("starts a new period now when the old one has run out", () => {
    const first = nextPeriod([], 30, t0);
    expect(nextPeriod([first], 30, days(40))).toEqual({ startsAt: days(40), endsAt: days(70) });
  });

  it("expires exactly at the end of the last period", () => {
    const first = nextPeriod([], 30, t0);
    expect(passStatus([first], new Date(days(30).getTime() - 1)).active).toBe(true);
    expect(passStatus([first], days(30))).toEqual({ active: false, lifetime: false, until: null });
  });

  it("never ends a lifetime pass, whatever else the reader holds", () => {
    const life = nextPeriod([], null, t0);
    expect(life).toEqual({ startsAt: t0, endsAt: null });
    const timed = nextPeriod([], 30, t0);
    expect(passStatus([timed, life], days(10_000))).toEqual({ active: true, lifetime: true, until: null });
  });

  it("reads a pass's length for people", () => {
    expect(passLengthLabel(30)).toBe("30 天");
    expect(passLengthLabel(null)).toBe("永久");
  });
});
