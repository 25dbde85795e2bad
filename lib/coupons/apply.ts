import { db, type Db, type Tx } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { noteFailedGuess, refuseIfGuessing } from "@/lib/http/guess-limit";
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
 * write lock (SQLite), so two processes cannot overshoot it, and again when an
 * order is paid (settlement), so `used` never exceeds `maxUses`.
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

/** The uses held by everyone but `replacing`: the reader's open order for the same item, which the new order replaces. */
const usesOfOthers = (couponId: string, replacing: string | null, now: Date) => ({
  ...couponUsesWhere(couponId, now),
  ...(replacing ? { id: { not: replacing } } : {}),
});

const invalid = (code: string, why: string) => new AppError("coupon_invalid", `优惠码「${code}」${why}`);
const unknown = (code: string) => invalid(code, "不存在或已停用。");

/**
 * A used-up coupon tells only a reader who holds one of its uses (a paid order,
 * or an open one for another item) that it ran out; to anyone else it answers
 * exactly like an unknown code, so a guesser cannot learn that a code exists.
 */
async function usedUp(client: Tx | Db, code: string, couponId: string, readerId: string | null, now: Date): Promise<AppError> {
  const mine = readerId ? await client.order.count({ where: { ...couponUsesWhere(couponId, now), readerId } }) : 0;
  return mine > 0 ? new AppError("coupon_used_up", `优惠码「${code}」已被领完。`) : unknown(code);
}

/** Who asks for a coupon: guesses are limited per address and reader (lib/http/guess-limit.ts). */
export interface CouponAsker {
  readerId: string | null;
  ip: string;
  /** The reader's open order for the same item, which the new order replaces: the one use not counted. */
  replacing: string | null;
}

/** The coupon's price for this target, or a 4xx saying why it does not apply. Reads only (and counts failed guesses). */
export async function applyCoupon(
  input: string,
  target: OrderTarget,
  listCents: number,
  asker: CouponAsker,
  now = new Date(),
): Promise<AppliedCoupon> {
  if (target.kind === "tip") throw new AppError("invalid_input", "赞赏不能使用优惠码。");
  await refuseIfGuessing("coupon", asker.ip, asker.readerId);
  try {
    return await judgeCoupon(normalizeCouponCode(input), target, listCents, asker, now);
  } catch (e) {
    if (isAppError(e) && e.code === "coupon_invalid") await noteFailedGuess("coupon", asker.ip, asker.readerId);
    throw e;
  }
}

async function judgeCoupon(code: string, target: OrderTarget, listCents: number, asker: CouponAsker, now: Date): Promise<AppliedCoupon> {
  const c = COUPON_CODE_PATTERN.test(code) ? await db().coupon.findUnique({ where: { code }, select: couponSelect }) : null;
  if (!c || !c.active) throw unknown(code);
  if (c.expiresAt && c.expiresAt.getTime() <= now.getTime()) throw invalid(code, "已过期。");
  if (!applies(c, target)) throw invalid(code, "不适用于这件商品。");
  if (c.maxUses !== null && (await db().order.count({ where: usesOfOthers(c.id, asker.replacing, now) })) >= c.maxUses) {
    throw await usedUp(db(), code, c.id, asker.readerId, now);
  }
  return { id: c.id, code: c.code, ...discountedPrice(listCents, c, config().MIN_PRICE_CENTS) };
}

/**
 * Inside the slot-taking transaction: refuses when the coupon was withdrawn, expired
 * or is used up. Only the order this one replaces (the reader's open order
 * for the same item, e.g. on the other channel) is not counted: an open order
 * for another item holds a use of its own.
 */
export async function reserveCouponUse(tx: Tx, couponId: string, readerId: string, replacing: string | null, now: Date): Promise<void> {
  await advisoryLock(tx, `paywall-coupon:${couponId}`);
  const c = await tx.coupon.findUnique({ where: { id: couponId }, select: { code: true, active: true, expiresAt: true, maxUses: true } });
  if (!c || !c.active) throw unknown(c?.code ?? "");
  if (c.expiresAt && c.expiresAt.getTime() <= now.getTime()) throw invalid(c.code, "已过期。");
  if (c.maxUses === null) return;
  const used = await tx.order.count({ where: usesOfOthers(couponId, replacing, now) });
  if (used >= c.maxUses) throw await usedUp(tx, c.code, couponId, readerId, now);
}

/**
 * Settlement's re-check: paying this order must not take the coupon's paid
 * uses past its cap (an order whose use ran out — it could no longer be paid
 * automatically — may still be paid by the owner's assignment or a bill).
 * Returns the coupon code when paying it would; null when it may be paid.
 */
export async function couponCapReachedBy(tx: Tx, order: { id: string; couponId: string | null }): Promise<string | null> {
  if (!order.couponId) return null;
  await advisoryLock(tx, `paywall-coupon:${order.couponId}`);
  const c = await tx.coupon.findUnique({ where: { id: order.couponId }, select: { code: true, maxUses: true } });
  if (!c || c.maxUses === null) return null;
  const paid = await tx.order.count({ where: { couponId: order.couponId, status: "paid", id: { not: order.id } } });
  return paid >= c.maxUses ? c.code : null;
}
