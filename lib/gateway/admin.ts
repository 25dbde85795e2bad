import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isPaidStatus, MERCHANT_ORDER_STATUS } from "@/lib/gateway/protocol";
import { requireMerchant } from "@/lib/gateway/merchants";
import { queueNotify } from "@/lib/gateway/paid";
import { loadMerchantOrder } from "@/lib/gateway/state";

/** The owner's view of a merchant's orders: GET /api/admin/merchants/{pid}/orders, and 「重新通知」. */
export async function listMerchantOrders(pid: number, opts: { status?: string; take?: number } = {}) {
  const m = await requireMerchant(pid);
  const rows = await db().merchantOrder.findMany({
    where: { merchantId: m.id, ...(opts.status ? { status: opts.status } : {}) },
    orderBy: { createdAt: "desc" },
    take: Math.min(opts.take ?? 100, 500),
  });
  return rows.map((o) => ({
    tradeNo: o.id,
    protocol: o.protocol,
    outTradeNo: o.outTradeNo,
    name: o.name,
    priceCents: o.priceCents,
    paidCents: o.paidCents,
    channel: o.channel,
    /** null: a stored status this build does not know. */
    status: MERCHANT_ORDER_STATUS.parse(o.status),
    notifyUrl: o.notifyUrl,
    notifyAttempts: o.notifyAttempts,
    notifiedAt: o.notifiedAt?.toISOString() ?? null,
    lastNotifyAt: o.lastNotifyAt?.toISOString() ?? null,
    lastNotifyResponse: o.lastNotifyResponse,
    createdAt: o.createdAt.toISOString(),
    paidAt: o.paidAt?.toISOString() ?? null,
  }));
}
export type MerchantOrderAdminView = Awaited<ReturnType<typeof listMerchantOrders>>[number];

/** 「重新通知」: queues one more notify now, also for an order the merchant already acknowledged. */
export async function renotify(tradeNo: string, now = new Date()): Promise<{ queued: true }> {
  const mo = await loadMerchantOrder(tradeNo);
  if (!isPaidStatus(mo.status)) throw new AppError("conflict", "订单尚未付款，无需通知。");
  await queueNotify(db(), mo.id, now, true);
  return { queued: true };
}
