import { describe, expect, it } from "vitest";
import { billAmountCents, chinaTime, clean } from "@/lib/reconcile/values";

describe("bill cell values", () => {
  it("strips the TABs and padding the exports carry", () => {
    expect(clean("2025033122001452871408836175\t")).toBe("2025033122001452871408836175");
    expect(clean("收钱码收款               ")).toBe("收钱码收款");
    expect(clean("\uFEFF微信支付账单明细")).toBe("微信支付账单明细");
  });

  it("reads amounts with either yuan sign, grouping and padding as integer cents", () => {
    expect(billAmountCents("¥0.99")).toBe(99);
    expect(billAmountCents("￥1,234.56")).toBe(123456);
    expect(billAmountCents("1234.56             ")).toBe(123456);
    expect(billAmountCents("300")).toBe(30000);
    expect(billAmountCents("4.9")).toBe(490);
  });

  it("refuses what is not an amount", () => {
    for (const bad of ["", "/", "-1.00", "1.234", "1,23", "abc", "¥"]) expect(billAmountCents(bad)).toBeNull();
  });

  it("reads China wall-clock times, with or without seconds and in Excel's re-saved form", () => {
    expect(chinaTime("2025-03-31 21:08:15 ")?.toISOString()).toBe("2025-03-31T13:08:15.000Z");
    expect(chinaTime("2025/3/1 08:05")?.toISOString()).toBe("2025-03-01T00:05:00.000Z");
    expect(chinaTime("2025-02-30 25:00:00")).toBeNull();
    expect(chinaTime("yesterday")).toBeNull();
  });
});
