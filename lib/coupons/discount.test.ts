import { describe, expect, it } from "vitest";
import { formatCents } from "@/lib/money";
import { couponTermsLabel, discountedPrice, normalizeCouponCode, COUPON_CODE_PATTERN } from "@/lib/coupons/discount";

const pct = (percentOff: number) => ({ percentOff, amountOffCents: null });
const off = (amountOffCents: number) => ({ percentOff: null, amountOffCents });

describe("coupon prices (pure)", () => {
  it("takes a percentage off, rounded to the nearest cent", () => {
    expect(discountedPrice(1000, pct(20), 10)).toEqual({ priceCents: 800, discountCents: 200 });
    expect(discountedPrice(99, pct(50), 10)).toEqual({ priceCents: 50, discountCents: 49 });
    expect(discountedPrice(333, pct(33), 10)).toEqual({ priceCents: 223, discountCents: 110 });
  });

  it("takes a fixed amount off", () => {
    expect(discountedPrice(990, off(200), 10)).toEqual({ priceCents: 790, discountCents: 200 });
  });

  it("never goes below the owner's floor", () => {
    expect(discountedPrice(100, off(500), 10)).toEqual({ priceCents: 10, discountCents: 90 });
    expect(discountedPrice(100, pct(99), 10)).toEqual({ priceCents: 10, discountCents: 90 });
  });

  it("never raises a list price that is already below the floor", () => {
    expect(discountedPrice(5, off(1), 10)).toEqual({ priceCents: 5, discountCents: 0 });
  });

  it("reads the terms for people and normalises typed codes", () => {
    expect(couponTermsLabel(pct(20), formatCents)).toBe("减 20%");
    expect(couponTermsLabel(off(250), formatCents)).toBe("减 ¥2.50");
    expect(normalizeCouponCode("  spring-20 ")).toBe("SPRING-20");
    expect(COUPON_CODE_PATTERN.test("SPRING-20")).toBe(true);
    expect(COUPON_CODE_PATTERN.test("AB")).toBe(false);
    expect(COUPON_CODE_PATTERN.test("有优惠")).toBe(false);
  });
});
