import type { Tx } from "@/lib/db/client";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { CHANNELS } from "@/lib/channels";
import { lockAddress } from "@/lib/orders/slots";

/**
 * Refuses a new order while the client address (see addressKey) already holds
 * ORDER_MAX_HELD_PER_IP amount slots with unpaid orders. Runs inside the slot-taking
 * transaction, after the per-address lock, so it is exact across processes.
 * Order.clientIp stores the grouped key, so this is a plain equality.
 */
export async function refuseIfAddressHoldsTooMany(tx: Tx, address: string, now: Date): Promise<void> {
  const max = config().ORDER_MAX_HELD_PER_IP;
  if (max <= 0) return;
  await lockAddress(tx, address);
  const held = await tx.order.findMany({
    // channel IN (…) lets both databases range-scan the (channel, slotHeldUntil) index.
    where: {
      channel: { in: [...CHANNELS] },
      slotHeldUntil: { gt: now },
      clientIp: address,
      openSlot: { not: null },
      status: { not: "paid" },
    },
    select: { slotHeldUntil: true },
    orderBy: { slotHeldUntil: "asc" },
    take: max,
  });
  if (held.length < max) return;
  const retry = Math.max(1, Math.ceil((held[0].slotHeldUntil.getTime() - now.getTime()) / 1000));
  throw new AppError(
    "rate_limited",
    `你所在的网络（同一 IP 地址）已有 ${max} 个未完成的付款订单。请先完成付款，或约 ${Math.ceil(retry / 60)} 分钟后再试。`,
    { headers: { "Retry-After": String(retry) } },
  );
}
