import type { Tx } from "@/lib/db/client";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { CHANNELS } from "@/lib/channels";
import { lockAddress } from "@/lib/orders/slots";

/**
 * Who an order's held amount counts against (Order.clientIp): a client address
 * (see addressKey), capped by ORDER_MAX_HELD_PER_IP; or, for a gateway order a
 * shop opened server-to-server with no buyer address (V免签 createOrder), the
 * merchant itself (`merchant:<id>`), capped by the merchant's own limit — so a
 * shop's orders never count against its server's address, and a reader who
 * shares that address is unaffected.
 */
export type HeldBy = { address: string } | { merchantId: string; max: number };

export const heldByKey = (h: HeldBy): string => ("address" in h ? h.address : `merchant:${h.merchantId}`);

/**
 * Refuses a new order while its holder already holds its cap of amount slots
 * with unpaid orders. Runs inside the slot-taking transaction, after the per-key
 * lock, so it is exact across processes. Order.clientIp stores the key, so this
 * is a plain equality.
 */
export async function refuseIfHoldsTooMany(tx: Tx, holder: HeldBy, now: Date): Promise<void> {
  const max = "address" in holder ? config().ORDER_MAX_HELD_PER_IP : holder.max;
  if (max <= 0) return;
  const key = heldByKey(holder);
  await lockAddress(tx, key);
  const held = await tx.order.findMany({
    // channel IN (…) lets both databases range-scan the (channel, slotHeldUntil) index.
    where: {
      channel: { in: [...CHANNELS] },
      slotHeldUntil: { gt: now },
      clientIp: key,
      openSlot: { not: null },
      status: { not: "paid" },
    },
    select: { slotHeldUntil: true },
    orderBy: { slotHeldUntil: "asc" },
    take: max,
  });
  if (held.length < max) return;
  const retry = Math.max(1, Math.ceil((held[0].slotHeldUntil.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(retry / 60);
  const message =
    "address" in holder
      ? `你所在的网络（同一 IP 地址）已有 ${max} 个未完成的付款订单。请先完成付款，或约 ${minutes} 分钟后再试。`
      : `该商户已有 ${max} 个未付款的订单占用金额（上限可在后台「网关商户」里调整），请约 ${minutes} 分钟后再试。`;
  throw new AppError("rate_limited", message, { headers: { "Retry-After": String(retry) } });
}
