import { describe, expect, it } from "vitest";
import { MIN_GAP_SECONDS, usualGapSeconds } from "@/lib/watch/gap";

const at = (minutes: number[]) => minutes.map((m) => new Date(Date.UTC(2026, 10, 1) + m * 60_000));

describe("the owner's usual gap between forwarded notifications", () => {
  it("needs ten notifications of history before it says anything", () => {
    expect(usualGapSeconds(at([0, 60, 120, 180, 240, 300, 360, 420, 480]))).toBeNull();
  });

  it("is the 95th percentile gap, so one overnight pause in twenty gaps counts as usual", () => {
    // 20 gaps: 19 of one hour and one of eight hours (the night).
    const minutes = [0];
    for (let i = 1; i <= 19; i++) minutes.push(i * 60);
    minutes.push(19 * 60 + 8 * 60);
    expect(usualGapSeconds(at(minutes))).toBe(3600);
    // With the night twice in twenty gaps, the night is what is usual.
    minutes.push(minutes.at(-1)! + 8 * 60);
    expect(usualGapSeconds(at(minutes))).toBe(8 * 60 * 60);
  });

  it("never calls a gap shorter than 30 minutes unusual, and ignores the order of the input", () => {
    const busy = at([50, 0, 10, 20, 30, 40, 60, 70, 80, 90, 100]);
    expect(usualGapSeconds(busy)).toBe(MIN_GAP_SECONDS);
  });
});
