/**
 * Coupon arithmetic as pure functions, in integer cents. Client-safe, no I/O.
 */
export interface CouponTerms {
  percentOff: number | null;
  amountOffCents: number | null;
}

/**
 * The price after a coupon, never below the owner's floor: a percentage is
 * rounded to the nearest cent (half up), a fixed amount is taken off as is, and
 * the result is at least `floorCents` — or the list price itself when that is
 * already below the floor (a coupon never raises a price).
 */
export function discountedPrice(listCents: number, terms: CouponTerms, floorCents: number): { priceCents: number; discountCents: number } {
  let price = listCents;
  if (terms.percentOff !== null) price = Math.round((listCents * (100 - terms.percentOff)) / 100);
  else if (terms.amountOffCents !== null) price = listCents - terms.amountOffCents;
  price = Math.max(price, Math.min(listCents, floorCents));
  return { priceCents: price, discountCents: listCents - price };
}

/** 「8 折」-style reading is ambiguous across readers; say what comes off: 「减 20%」 / 「减 ¥2.00」. */
export function couponTermsLabel(terms: CouponTerms, formatCents: (c: number) => string): string {
  if (terms.percentOff !== null) return `减 ${terms.percentOff}%`;
  return `减 ¥${formatCents(terms.amountOffCents ?? 0)}`;
}

/** Codes are typed by people: case and surrounding spaces do not matter. */
export function normalizeCouponCode(input: string): string {
  return input.trim().toUpperCase();
}

export const COUPON_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{2,31}$/;
