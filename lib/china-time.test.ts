import { describe, expect, it } from "vitest";
import {
  chinaClockDigits,
  chinaDateText,
  chinaDateTimeText,
  chinaDay,
  chinaDayInstant,
  chinaDayStart,
  chinaInstant,
  chinaWallClock,
  fromChinaWallClock,
  lastChinaDays,
} from "@/lib/china-time";

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

describe("China wall clocks", () => {
  const t = new Date("2026-11-27T12:15:03Z");

  it("writes an instant as the phones and bills do, whatever the server's zone", () => {
    expect(chinaWallClock(t)).toBe("2026-11-27 20:15:03");
    expect(chinaClockDigits(t)).toBe("20261127201503");
  });

  it("reads a wall clock back to the same instant, and a day's first and last second", () => {
    expect(chinaInstant("2026-11-27", "20:15:03").toISOString()).toBe(t.toISOString());
    expect(fromChinaWallClock(2026, 11, 27, 20, 15, 3)?.toISOString()).toBe(t.toISOString());
    expect(chinaDayInstant("2026-11-27").toISOString()).toBe("2026-11-26T16:00:00.000Z");
    expect(chinaDayInstant("2026-11-27", true).toISOString()).toBe("2026-11-27T15:59:59.000Z");
  });

  it("refuses a wall clock with a field out of range", () => {
    expect(fromChinaWallClock(2026, 13, 1)).toBeNull();
    expect(fromChinaWallClock(2026, 1, 1, 24)).toBeNull();
  });

  it("writes dates and times for people in China's calendar", () => {
    expect(chinaDateText(new Date("2026-11-26T16:30:00Z"))).toBe("2026年11月27日");
    expect(chinaDateText(new Date("2026-11-26T16:30:00Z"), "numeric")).toBe("2026/11/27");
    expect(chinaDateTimeText(t)).toBe("2026/11/27 20:15:03");
  });
});
