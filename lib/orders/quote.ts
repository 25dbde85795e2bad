import { AppError } from "@/lib/errors";
import { applyCoupon } from "@/lib/coupons/apply";
import { priceRequest } from "@/lib/orders/priced";
import { findOpenOrder } from "@/lib/orders/create";
import type { OrderRequest } from "@/lib/orders/request";

export interface CouponQuote {
  code: string;
  listPriceCents: number;
  /** The base the pay amount is allocated from (it may end a few cents lower, never below the floor). */
  priceCents: number;
  discountCents: number;
}

/**
 * What a coupon does to a price, for the pay dialog before it orders. Reads only (failed guesses are
 * counted, as for orders); the order checks again.
 */
export async function quoteCoupon(request: OrderRequest, readerId: string | null, ip: string, now = new Date()): Promise<CouponQuote> {
  if (!request.coupon) throw new AppError("invalid_input", "请输入优惠码。");
  const priced = await priceRequest(request);
  const open = readerId ? await findOpenOrder(readerId, priced.target, now) : null;
  const asker = { readerId, ip, replacing: open?.id ?? null };
  const c = await applyCoupon(request.coupon, priced.target, priced.listPriceCents, asker, now);
  return { code: c.code, listPriceCents: priced.listPriceCents, priceCents: c.priceCents, discountCents: c.discountCents };
}
