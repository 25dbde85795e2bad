import { z } from "zod";

/**
 * The one schema of a price or an amount the owner types, in integer cents (lib/money.ts does the
 * yuan at the edges): whole cents, at least 1 分 (or 0 where free is allowed), at most ¥100000.
 * Kept apart from money.ts so the browser never bundles zod.
 */
export const MAX_PRICE_CENTS = 100_000_00;

/** `what` names the field in the messages ("价格", "默认价格", "金额"…); `min` 0 where 0 means free. */
export function centsSchema(what: string, min: 0 | 1 = 1) {
  const whole = `${what}必须是整数（单位：分）`;
  return z
    .number({ error: whole })
    .int(whole)
    .min(min, min === 0 ? `${what}不能为负` : `${what}至少 1 分`)
    .max(MAX_PRICE_CENTS, `${what}过高（上限 ¥100000）`);
}

/** A list price: a post's (0 = free) and the editor's default. */
export const priceSchema = centsSchema("价格", 0);

/** What is sold only for money (a series, a site pass): at least 1 分. */
export const paidPriceSchema = centsSchema("价格", 1);
