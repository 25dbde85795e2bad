import type { Tx } from "@/lib/db/client";

type OrderFilter = { articleId: string } | { qrCodeId: string };

/**
 * Minutes until the last amount slot held by orders of an article or a QR code
 * is released (at least 1), or null when none is held. The deletion guards of
 * posts and codes share it: deleting either while a reader may be paying, or may
 * just have paid, would leave that payment with nothing to match.
 */
export async function minutesUntilSlotsFree(tx: Tx, filter: OrderFilter, now: Date): Promise<number | null> {
  const held = await tx.order.findFirst({
    where: { ...filter, openSlot: { not: null }, slotHeldUntil: { gt: now } },
    orderBy: { slotHeldUntil: "desc" },
    select: { slotHeldUntil: true },
  });
  return held ? Math.max(1, Math.ceil((held.slotHeldUntil.getTime() - now.getTime()) / 60_000)) : null;
}
