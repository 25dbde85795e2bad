import { randomInt } from "node:crypto";
import { db } from "@/lib/db/client";
import { withTx, isForeignKeyViolation, isUniqueViolation } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";
import { CHANNEL_LABEL, type Channel } from "@/lib/channels";
import { refuseIfNotifierOffline } from "@/lib/devices/health";
import { addressKey } from "@/lib/http/address-key";
import { candidateAmounts } from "@/lib/orders/allocation";
import { amountPolicy, orderTimings } from "@/lib/orders/policy";
import { takeSlot } from "@/lib/orders/take-slot";
import { openOrderWhere } from "@/lib/orders/status";
import { planOrder } from "@/lib/orders/plan";
import { orderViewInclude, toOrderView, type OrderView } from "@/lib/orders/view";
import { chinaClockDigits } from "@/lib/china-time";

const MAX_TAKE_ATTEMPTS = 12;
class Raced extends Error {}

/**
 * The date (China, 8 digits) and 11 random digits: the 19-character trade_no 易支付 clients store. getOrder,
 * checkOrder and the hosted checkout answer anyone who knows one, so most of it must be unguessable
 * (10^11 a day; those reads are rate limited per address too, state.ts readMerchantOrder).
 */
export function newTradeNo(now: Date): string {
  // Only the day: the rest of the 19 digits is random, so a trade number cannot be guessed from the clock.
  return chinaClockDigits(now).slice(0, 8) + String(randomInt(0, 1e11)).padStart(11, "0");
}

/** Order.readerId of a merchant's orders: no reader owns them; the merchant does. */
export const merchantBuyer = (merchantId: string) => `merchant:${merchantId}`;

/**
 * The open order (a unique amount on `channel`, held for the QR's lifetime)
 * paying merchant order `moId`, created when there is none: the same
 * allocation as a reader's order (planOrder + takeSlot: one slot space per channel,
 * account and amount, band rules, held-amount cap). The merchant order points at its newest
 * order in the same transaction; an expired one keeps its slot for late
 * payments, which still settle the merchant order.
 *
 * `buyerIp` is the buyer's address when known (the hosted checkout's browser,
 * 易支付 submit.php, mapi.php's clientip): the per-address cap counts it. Without
 * one (V免签 createOrder comes from the shop's server) the order counts against
 * the merchant's own cap (Merchant.maxHeldOrders), never the shop's address.
 */
export async function ensureOpenOrder(moId: string, channel: Channel, buyerIp: string | null, now = new Date()): Promise<OrderView> {
  for (let attempt = 0; attempt < MAX_TAKE_ATTEMPTS; attempt++) {
    const mo = await db().merchantOrder.findUniqueOrThrow({
      where: { id: moId },
      select: {
        id: true,
        merchantId: true,
        status: true,
        priceCents: true,
        channel: true,
        orderId: true,
        merchant: { select: { maxHeldOrders: true } },
      },
    });
    if (mo.status !== "pending") throw new AppError("order_not_open", mo.status === "closed" ? "订单已关闭。" : "订单已付款。");
    const current = mo.orderId
      ? await db().order.findFirst({ where: { id: mo.orderId, channel, ...openOrderWhere(now) }, include: orderViewInclude })
      : null;
    if (current) return toOrderView(current, now);

    const health = await refuseIfNotifierOffline(now);
    // Demo mode's codes are stand-ins: a real buyer of another site must never be shown one.
    if (health.demo)
      throw new AppError("demo_mode", "收款服务尚未开通（演示模式），暂时不能付款。", { headers: { "Retry-After": "3600" } });
    const planned = await planOrder(
      channel,
      candidateAmounts(mo.priceCents, amountPolicy()),
      false,
      now,
      `暂不支持${CHANNEL_LABEL[channel]}付款，请换一种付款方式。`,
    );
    try {
      const id = await withTx(async (tx) => {
        const orderId = await takeSlot(tx, {
          target: { kind: "merchant", merchantOrderId: mo.id },
          readerId: merchantBuyer(mo.merchantId),
          channel,
          listPriceCents: mo.priceCents,
          coupon: null,
          ...planned,
          replacing: null,
          heldBy: buyerIp ? { address: addressKey(buyerIp) } : { merchantId: mo.merchantId, max: mo.merchant.maxHeldOrders },
          now,
          ...orderTimings(now),
        });
        const moved = await tx.merchantOrder.updateMany({
          where: { id: mo.id, status: "pending", orderId: mo.orderId },
          data: { orderId, channel },
        });
        // Paid, closed or given another order since we read it: roll back and look again.
        if (moved.count !== 1) throw new Raced();
        return orderId;
      });
      const row = await db().order.findUniqueOrThrow({ where: { id }, include: orderViewInclude });
      return toOrderView(row, now);
    } catch (e) {
      if (isForeignKeyViolation(e)) throw new AppError("busy", "站长刚刚修改了收款码，请重试。", { headers: { "Retry-After": "2" } });
      // Another request for the same merchant order won (readerOpenKey), or the amount was taken: look again.
      if (!isUniqueViolation(e) && !(e instanceof Raced)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * (attempt + 1)));
    }
  }
  throw new AppError("busy", "当前付款人数较多，请稍后再试。", { headers: { "Retry-After": "5" } });
}
