import { describe, expect, it } from "vitest";
import { chinaDay, chinaDayStart, lastChinaDays } from "@/lib/admin/china-time";

describe("China-time days", () => {
  it("puts 23:59 Beijing on its own day and 00:01 on the next", () => {
    expect(chinaDay(new Date("2026-11-26T15:59:00Z"))).toBe("2026-11-26");
    expect(chinaDay(new Date("2026-11-26T16:01:00Z"))).toBe("2026-11-27");
  });

  it("starts a day at 16:00 UTC the day before", () => {
    const now = new Date("2026-11-27T02:00:00Z");
    expect(chinaDayStart(now).toISOString()).toBe("2026-11-26T16:00:00.000Z");
    expect(chinaDayStart(now, 6).toISOString()).toBe("2026-11-20T16:00:00.000Z");
  });

  it("lists the last n days oldest first, across a month end", () => {
    expect(lastChinaDays(new Date("2026-12-01T01:00:00Z"), 3)).toEqual(["2026-11-29", "2026-11-30", "2026-12-01"]);
  });
});
