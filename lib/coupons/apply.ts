import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { config } from "@/lib/config";
import { advisoryLock } from "@/lib/db/lock";
import type { OrderTarget } from "@/lib/targets";
import { COUPON_CODE_PATTERN, discountedPrice, normalizeCouponCode } from "@/lib/coupons/discount";

/**
 * Coupons at checkout. An unpaid order holds one of the coupon's uses for as
 * long as it can still be paid (it holds its amount: TTL + late grace), so a
 * reader who is paying is never told afterwards that the coupon ran out; when
 * that window ends unpaid, the use comes back by itself. The cap is checked
 * inside the slot-taking transaction under a per-coupon lock (PostgreSQL) or the
 * write lock (SQLite), so two processes cannot overshoot it.
 */
export interface AppliedCoupon {
  id: string;
  code: string;
  priceCents: number;
  discountCents: number;
}

const couponSelect = {
  id: true,
  code: true,
  percentOff: true,
  amountOffCents: true,
  scope: true,
  articleId: true,
  seriesId: true,
  passId: true,
  maxUses: true,
  expiresAt: true,
  active: true,
} as const;

type CouponRow = { scope: string; articleId: string | null; seriesId: string | null; passId: string | null };

function applies(c: CouponRow, t: OrderTarget): boolean {
  switch (t.kind) {
    case "article":
      return c.scope === "all" || (c.scope === "article" && c.articleId === t.articleId);
    case "series":
      return c.scope === "all" || (c.scope === "series" && c.seriesId === t.seriesId);
    case "pass":
      return c.scope === "all" || (c.scope === "pass" && c.passId === t.passId);
    case "tip":
    case "merchant":
      return false;
  }
}

/** Orders that use up one of a coupon's uses: paid, or still able to be paid. */
export function couponUsesWhere(couponId: string, now: Date) {
  return { couponId, OR: [{ status: "paid" }, { openSlot: { not: null }, slotHeldUntil: { gt: now } }] };
}

const usesOfOthers = (couponId: string, readerId: string | null, now: Date) => ({
  ...couponUsesWhere(couponId, now),
  ...(readerId ? { NOT: { readerId, status: { not: "paid" } } } : {}),
});

const invalid = (code: string, why: string) => new AppError("coupon_invalid", `优惠码「${code}」${why}`);
const usedUp = (code: string) => new AppError("coupon_used_up", `优惠码「${code}」已被领完。`);

/** The coupon's price for this target, or a 4xx saying why it does not apply. Reads only. */
export async function applyCoupon(
  input: string,
  target: OrderTarget,
  listCents: number,
  readerId: string | null,
  now = new Date(),
): Promise<AppliedCoupon> {
  const code = normalizeCouponCode(input);
  if (target.kind === "tip") throw new AppError("invalid_input", "赞赏不能使用优惠码。");
  const c = COUPON_CODE_PATTERN.test(code) ? await db().coupon.findUnique({ where: { code }, select: couponSelect }) : null;
  if (!c || !c.active) throw invalid(code, "不存在或已停用。");
  if (c.expiresAt && c.expiresAt.getTime() <= now.getTime()) throw invalid(code, "已过期。");
  if (!applies(c, target)) throw invalid(code, "不适用于这件商品。");
  if (c.maxUses !== null && (await db().order.count({ where: usesOfOthers(c.id, readerId, now) })) >= c.maxUses) throw usedUp(code);
  return { id: c.id, code: c.code, ...discountedPrice(listCents, c, config().MIN_PRICE_CENTS) };
}

/**
 * Inside the slot-taking transaction: refuses when the coupon was withdrawn, expired
 * or is used up. The reader's own unpaid orders do not count against them (a
 * channel switch replaces one order with another).
 */
export async function reserveCouponUse(tx: Tx, couponId: string, readerId: string, now: Date): Promise<void> {
  await advisoryLock(tx, `paywall-coupon:${couponId}`);
  const c = await tx.coupon.findUnique({ where: { id: couponId }, select: { code: true, active: true, expiresAt: true, maxUses: true } });
  if (!c || !c.active) throw invalid(c?.code ?? "", "已停用。");
  if (c.expiresAt && c.expiresAt.getTime() <= now.getTime()) throw invalid(c.code, "已过期。");
  if (c.maxUses === null) return;
  const used = await tx.order.count({ where: usesOfOthers(couponId, readerId, now) });
  if (used >= c.maxUses) throw usedUp(c.code);
}
