import { db } from "@/lib/db/client";
import { withTx, isForeignKeyViolation, isUniqueViolation } from "@/lib/db/tx";
import { AppError, isAppError } from "@/lib/errors";
import { config } from "@/lib/config";
import type { Channel } from "@/lib/channels";
import { consume } from "@/lib/http/rate-limit";
import { addressKey } from "@/lib/http/address-key";
import { alreadyUnlocked, ownsTarget } from "@/lib/entitlements/check";
import { targetColumns, type OrderTarget } from "@/lib/targets";
import { recordEvent } from "@/lib/articles/events";
import { refuseIfNotifierOffline } from "@/lib/devices/health";
import { applyCoupon } from "@/lib/coupons/apply";
import { candidateAmounts } from "@/lib/orders/allocation";
import { amountPolicy, orderTimings } from "@/lib/orders/policy";
import { takeSlot } from "@/lib/orders/take-slot";
import { openOrderWhere } from "@/lib/orders/status";
import { offerOtherChannel, planOrder } from "@/lib/orders/plan";
import { dailyLimit } from "@/lib/orders/ceiling-gate";
import { priceRequest } from "@/lib/orders/priced";
import type { OrderRequest } from "@/lib/orders/request";
import { orderViewInclude, toOrderView, type OrderView } from "@/lib/orders/view";

export type CreateOrderInput = ({ request: OrderRequest } | { slug: string }) & {
  channel: Channel;
  readerId: string;
  ip: string;
  now?: Date;
};

const MAX_TAKE_ATTEMPTS = 12;

/**
 * Creates (or returns) the reader's open order for a post, series, pass or tip
 * on a channel. Returns created=false when the same open order already existed
 * (same channel, price and coupon); a different one replaces it.
 */
export async function createOrder(input: CreateOrderInput): Promise<{ order: OrderView; created: boolean }> {
  const now = input.now ?? new Date();
  const request: OrderRequest = "request" in input ? input.request : { kind: "article", slug: input.slug };
  const priced = await priceRequest(request);
  const { target } = priced;
  if (await ownsTarget(db(), input.readerId, target, now)) throw alreadyUnlocked(target.kind);
  // The reader's open order for this item: the new one replaces it, so it is the one coupon use not counted.
  const open = await findOpenOrder(input.readerId, target, now);
  const asker = { readerId: input.readerId, ip: input.ip, replacing: open?.id ?? null };
  const coupon = request.coupon ? await applyCoupon(request.coupon, target, priced.listPriceCents, asker, now) : null;
  const baseCents = coupon?.priceCents ?? priced.listPriceCents;

  const same =
    open && open.channel === input.channel && open.listPriceCents === priced.listPriceCents && open.couponId === (coupon?.id ?? null);
  if (open && same) return { order: toOrderView(open, now), created: false };

  const health = await refuseIfNotifierOffline(now);
  // Demo mode sells only the seeded demo posts (through demo codes, for 模拟付款): the owner's own posts,
  // series, passes and tips wait for a real notifier, or anyone could unlock them for free.
  if (health.demo && !priced.demo) {
    throw new AppError("demo_mode", "本站还在演示模式，站长尚未开通收款，暂时不能购买。", { headers: { "Retry-After": "3600" } });
  }
  const c = config();
  const limitMsg = "操作太频繁，请稍后再试。";
  // IPv6 grouped by /64: one subscriber usually gets a whole /64 and can rotate within it.
  const address = addressKey(input.ip);
  await consume("order-ip", address, c.ORDER_RATE_PER_IP, 60, limitMsg);
  await consume("order-reader", input.readerId, c.ORDER_RATE_PER_READER, 60, limitMsg);

  const policy = amountPolicy();
  // A discounted price is the owner's floor too: the unique amount never steps below it.
  if (coupon) policy.floorCents = Math.min(baseCents, Math.max(policy.floorCents, c.MIN_PRICE_CENTS));
  const candidates = candidateAmounts(baseCents, policy);
  const planned = await planOrder(input.channel, candidates, health.demo, now);

  const wanted = {
    target,
    readerId: input.readerId,
    channel: input.channel,
    listPriceCents: priced.listPriceCents,
    coupon: coupon ? { id: coupon.id, discountCents: coupon.discountCents } : null,
    ...planned,
    replacing: open?.id ?? null,
    heldBy: { address },
    now,
    ...orderTimings(now),
  };
  for (let attempt = 0; attempt < MAX_TAKE_ATTEMPTS; attempt++) {
    try {
      const id = await withTx((tx) => takeSlot(tx, wanted)).catch(async (e) => {
        // Every account of this channel is at a daily ceiling: point the reader at the other channel if it can serve.
        if (!(isAppError(e) && e.code === "daily_limit")) throw e;
        const other = await offerOtherChannel(input.channel, candidates, health.demo, now, baseCents);
        throw other ? dailyLimit(now, other) : e;
      });
      // The funnel (views → clicks → orders → paid) is about single posts.
      if (target.kind === "article") await recordEvent("order", target.articleId, input.ip, now);
      const row = await db().order.findUniqueOrThrow({ where: { id }, include: orderViewInclude });
      return { order: toOrderView(row, now), created: true };
    } catch (e) {
      // The article or the chosen code was deleted between our read and taking the slot.
      if (isForeignKeyViolation(e)) throw new AppError("busy", "站长刚刚修改了内容或收款码，请重试。", { headers: { "Retry-After": "2" } });
      if (!isUniqueViolation(e)) throw e;
      const again = await findOpenOrder(input.readerId, target, now);
      // A concurrent request by the same reader won: answer with its order.
      if (again && again.channel === input.channel) return { order: toOrderView(again, now), created: false };
      await new Promise((r) => setTimeout(r, Math.random() * 10 * (attempt + 1)));
    }
  }
  throw new AppError("busy", "当前付款人数较多，请稍后再试。", { headers: { "Retry-After": "5" } });
}

/** The reader's open order for the thing sold, if any (at most one: Order.readerOpenKey). */
export async function findOpenOrder(readerId: string, target: OrderTarget, now: Date) {
  return db().order.findFirst({
    where: { readerId, ...targetColumns(target), ...openOrderWhere(now) },
    include: orderViewInclude,
    orderBy: { createdAt: "desc" },
  });
}
