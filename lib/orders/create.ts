import { db, type Tx } from "@/lib/db/client";
import { withTx, isForeignKeyViolation, isUniqueViolation } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { config } from "@/lib/config";
import { consume } from "@/lib/http/rate-limit";
import { addressKey } from "@/lib/http/address-key";
import { requirePublishedArticle, isEntitled } from "@/lib/articles/queries";
import { candidateAmounts, planSlots, pickFree, slotKey, type Channel } from "@/lib/orders/allocation";
import { amountPolicy, orderTimings, timing } from "@/lib/orders/policy";
import { cancelPatch } from "@/lib/orders/rules";
import { lockChannel, releaseStaleSlots, secondsUntilNextFree, takenAmounts } from "@/lib/orders/slots";
import { refuseIfAddressHoldsTooMany } from "@/lib/orders/address-cap";
import { orderViewInclude, toOrderView, type OrderView } from "@/lib/orders/view";
import { notifierHealth } from "@/lib/notify/devices";
import { usableCodes } from "@/lib/orders/codes";
import { recordEvent } from "@/lib/articles/events";

export interface CreateOrderInput {
  slug: string;
  channel: Channel;
  readerId: string;
  ip: string;
  now?: Date;
}

/**
 * Creates (or returns) the reader's open order for an article on a channel.
 * Returns created=false when an open order on that channel already existed.
 */
export async function createOrder(input: CreateOrderInput): Promise<{ order: OrderView; created: boolean }> {
  const now = input.now ?? new Date();
  const article = await requirePublishedArticle(input.slug);
  if (article.priceCents <= 0) throw new AppError("conflict", "这篇文章免费，无需付款。");
  if (await isEntitled(input.readerId, article.id)) {
    throw alreadyUnlocked();
  }

  const open = await findOpenOrder(input.readerId, article.id, now);
  if (open && open.channel === input.channel) return { order: toOrderView(open, now), created: false };

  const health = await notifierHealth(now);
  if (!health.online && !health.demo) {
    throw new AppError("notifier_offline", "收款通知暂时离线，付款可能无法自动确认。请稍后再试，或联系站长。", {
      headers: { "Retry-After": "60" },
    });
  }
  const c = config();
  const limitMsg = "操作太频繁，请稍后再试。";
  // IPv6 grouped by /64: one subscriber usually gets a whole /64 and can rotate within it.
  const address = addressKey(input.ip);
  await consume("order-ip", address, c.ORDER_RATE_PER_IP, 60, limitMsg);
  await consume("order-reader", input.readerId, c.ORDER_RATE_PER_READER, 60, limitMsg);

  const codes = await usableCodes({ demo: health.demo, channel: input.channel });
  const plan = planSlots(candidateAmounts(article.priceCents, amountPolicy()), codes);
  if (plan.length === 0) {
    const name = input.channel === "wechat" ? "微信" : "支付宝";
    throw new AppError("no_qr_code", `站长还没有设置可用的${name}收款码，请换一种付款方式。`);
  }

  const { expiresAt, slotHeldUntil } = orderTimings(now);
  const readerOpenKey = `${input.readerId}:${article.id}`;
  // The unique index on openSlot is the claim. On PostgreSQL the claim is also
  // serialised per channel with a transaction-scoped advisory lock, so that
  // dozens of concurrent buyers queue for a few milliseconds each instead of
  // all picking the same "first free" amount and failing; SQLite serialises
  // writers anyway. Losing a race despite that (unique violation) re-reads
  // the taken set and tries again.
  for (let attempt = 0; attempt < 12; attempt++) {
    try {
      const id = await withTx(async (tx) => {
        await lockChannel(tx, input.channel);
        await releaseStaleSlots(tx, input.channel, now);
        // Stale read guard: the reader may have been unlocked since the check above.
        if (await tx.entitlement.findUnique({ where: { readerId_articleId: { readerId: input.readerId, articleId: article.id } }, select: { id: true } })) {
          throw alreadyUnlocked();
        }
        if (open) await moveAway(tx, open.id, now);
        await refuseIfAddressHoldsTooMany(tx, address, now);
        await tx.order.updateMany({
          where: { readerOpenKey, expiresAt: { lte: now } },
          data: { readerOpenKey: null },
        });
        const slot = pickFree(plan, await takenAmounts(tx, input.channel));
        if (!slot) {
          const retry = await secondsUntilNextFree(tx, input.channel, plan.map((p) => p.amountCents), now);
          throw new AppError("busy", `当前付款人数较多，请 ${retry} 秒后再试。`, { headers: { "Retry-After": String(retry) } });
        }
        const orderId = newId();
        await tx.order.create({
          data: {
            id: orderId,
            articleId: article.id,
            readerId: input.readerId,
            channel: input.channel,
            listPriceCents: article.priceCents,
            amountCents: slot.amountCents,
            qrCodeId: slot.qrCodeId,
            openSlot: slotKey(input.channel, slot.amountCents),
            readerOpenKey,
            createdAt: now,
            expiresAt,
            slotHeldUntil,
            clientIp: address,
          },
        });
        return orderId;
      });
      await recordEvent("order", article.id, input.ip, now);
      const row = await db().order.findUniqueOrThrow({ where: { id }, include: orderViewInclude });
      return { order: toOrderView(row, now), created: true };
    } catch (e) {
      // The article or the chosen code was deleted between our read and the claim.
      if (isForeignKeyViolation(e)) throw new AppError("busy", "站长刚刚修改了文章或收款码，请重试。", { headers: { "Retry-After": "2" } });
      if (!isUniqueViolation(e)) throw e;
      const again = await findOpenOrder(input.readerId, article.id, now);
      // A concurrent request by the same reader won: answer with its order.
      if (again && again.channel === input.channel) return { order: toOrderView(again, now), created: false };
      await new Promise((r) => setTimeout(r, Math.random() * 10 * (attempt + 1)));
    }
  }
  throw new AppError("busy", "当前付款人数较多，请稍后再试。", { headers: { "Retry-After": "5" } });
}

async function findOpenOrder(readerId: string, articleId: string, now: Date) {
  return db().order.findFirst({
    where: { readerId, articleId, status: "pending", expiresAt: { gt: now } },
    include: orderViewInclude,
    orderBy: { createdAt: "desc" },
  });
}

/** Switching channel: the old order is cancelled but keeps its slot for late payments. */
async function moveAway(tx: Tx, orderId: string, now: Date): Promise<void> {
  const o = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, expiresAt: true, openSlot: true, slotHeldUntil: true } });
  const patch = cancelPatch(o, now, timing());
  if (patch) await tx.order.updateMany({ where: { id: orderId, status: "pending" }, data: patch });
}

const alreadyUnlocked = () => new AppError("already_unlocked", "你已经购买过这篇文章，刷新页面即可阅读全文。");
