import { describe, expect, it } from "vitest";
import { newTradeNo } from "@/lib/gateway/allocate";
import { TRADE_NO } from "@/lib/gateway/protocol";

describe("gateway trade numbers", () => {
  it("keep the 19-digit shape 易支付 clients store, starting with the China date", () => {
    const no = newTradeNo(new Date("2026-11-27T17:30:00Z"));
    expect(no).toMatch(TRADE_NO);
    expect(no.slice(0, 8)).toBe("20261128");
  });

  it("carry at least 8 random digits: 2000 made in the same second are all different", () => {
    const now = new Date("2026-11-27T05:30:21Z");
    const made = Array.from({ length: 2000 }, () => newTradeNo(now));
    expect(new Set(made).size).toBe(2000);
    // Not only unique: each of the last 8 positions takes many values.
    for (let i = 11; i < 19; i++) expect(new Set(made.map((n) => n[i])).size).toBe(10);
  });
});
