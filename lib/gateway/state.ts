import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { withTx } from "@/lib/db/tx";
import { cancelInTx } from "@/lib/orders/slots";
import { openOrderWhere } from "@/lib/orders/status";
import { isPaidStatus, TRADE_NO } from "@/lib/gateway/protocol";
import { paidFacts } from "@/lib/gateway/facts";
import { paidParams, toQuery } from "@/lib/gateway/params";
import { withQuery } from "@/lib/gateway/urls";
import { config } from "@/lib/config";
import { addressKey } from "@/lib/http/address-key";
import { blockedFor, consume, withinWindow } from "@/lib/http/rate-limit";

/** A merchant order with what its reads need: the merchant and the order holding its amount. */
export async function loadMerchantOrder(tradeNo: string) {
  const mo = TRADE_NO.test(tradeNo) ? await db().merchantOrder.findUnique({ where: { id: tradeNo }, include: { merchant: true } }) : null;
  if (!mo) throw new AppError("order_not_found", "订单不存在");
  return mo;
}
export type LoadedMerchantOrder = Awaited<ReturnType<typeof loadMerchantOrder>>;

const MISSES_PER_WINDOW = 30;
const MISS_WINDOW_SECONDS = 600;

/**
 * loadMerchantOrder for the protocol's unsigned reads (getOrder, checkOrder,
 * the hosted checkout): anyone may call them with a trade number, so they are
 * limited per client address — GATEWAY_READS_PER_IP a minute, and 30 unknown
 * trade numbers per 10 minutes — shared by every process on PostgreSQL. With
 * 11 random digits in a trade number, walking them is hopeless at that pace.
 */
export async function readMerchantOrder(tradeNo: string, ip: string) {
  const key = addressKey(ip);
  const tooMany = "查询太频繁，请稍后再试";
  await consume("gateway-read", key, config().GATEWAY_READS_PER_IP, 60, tooMany);
  const retry = await blockedFor("gateway-read-miss", key, MISSES_PER_WINDOW, MISS_WINDOW_SECONDS);
  if (retry !== null) throw new AppError("rate_limited", tooMany, { headers: { "Retry-After": String(retry) } });
  try {
    return await loadMerchantOrder(tradeNo);
  } catch (e) {
    await withinWindow("gateway-read-miss", key, MISSES_PER_WINDOW, MISS_WINDOW_SECONDS);
    throw e;
  }
}

/** The order currently offering a QR for it, when that one is still open. */
export async function openOrderOf(mo: { orderId: string | null }, now: Date) {
  if (!mo.orderId) return null;
  return db().order.findFirst({ where: { id: mo.orderId, ...openOrderWhere(now) } });
}

/** V免签 states: 0 waiting, 1 paid, 2 paid but the notify failed, -1 expired or closed. */
export async function vmqState(mo: LoadedMerchantOrder, now: Date): Promise<number> {
  if (mo.status === "paid") return 1;
  if (mo.status === "paid_notify_failed") return 2;
  if (mo.status === "closed") return -1;
  return (await openOrderOf(mo, now)) ? 0 : -1;
}

/** return_url with the protocol's signed parameters (the notify's), once paid; null before or without one. */
export function signedReturnUrl(mo: LoadedMerchantOrder): string | null {
  const facts = isPaidStatus(mo.status) ? paidFacts(mo) : null;
  if (!facts || !mo.returnUrl) return null;
  return withQuery(mo.returnUrl, toQuery(paidParams(facts, mo.merchant.key)));
}

/**
 * Closes a waiting merchant order (V免签 closeOrder). Its order is cancelled
 * but keeps its amount for the late-grace window: a buyer who paid a moment
 * before is still matched, and the merchant order then counts as paid.
 */
export async function closeMerchantOrder(id: string, now = new Date()): Promise<void> {
  await withTx(async (tx) => {
    const closed = await tx.merchantOrder.updateMany({ where: { id, status: "pending" }, data: { status: "closed", closedAt: now } });
    if (closed.count !== 1) throw new AppError("order_not_open", "订单状态不允许关闭");
    const mo = await tx.merchantOrder.findUniqueOrThrow({ where: { id }, select: { orderId: true } });
    if (mo.orderId) await cancelInTx(tx, mo.orderId, now);
  });
}
