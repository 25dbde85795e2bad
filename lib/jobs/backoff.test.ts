import { describe, expect, it } from "vitest";
import { retryDelayMs } from "@/lib/jobs/backoff";

describe("job retry backoff", () => {
  it("doubles from 30 seconds and stops growing at one hour", () => {
    expect(retryDelayMs(1, 0.5)).toBe(30_000);
    expect(retryDelayMs(2, 0.5)).toBe(60_000);
    expect(retryDelayMs(4, 0.5)).toBe(240_000);
    expect(retryDelayMs(20, 0.5)).toBe(3600_000);
  });

  it("spreads retries by at most 10% either way", () => {
    expect(retryDelayMs(1, 0)).toBe(27_000);
    expect(retryDelayMs(1, 1)).toBe(33_000);
  });
});
