import { db } from "@/lib/db/client";

/**
 * The missed-notification share: of the readers who paid in the last 30 days,
 * how many the phone did not report in time. "Missed" is an order that
 * - was settled from the official bill, or by the owner assigning a payment
 *   from the inbox, or
 * - is still unpaid although money of its channel and exact amount arrived
 *   (reported late by the phone, or found in a bill) between its creation and
 *   an hour after it released its amount.
 * "In time" is an order the phone's notification settled (matched or late).
 * share = missed / (missed + in time); null when nobody paid.
 */
const WINDOW_DAYS = 30;
const AFTER_RELEASE_MS = 3600_000;

export interface MissedShare {
  share: number | null;
  missed: number;
  paidByPhone: number;
  days: number;
}

export async function missedShare(now = new Date()): Promise<MissedShare> {
  const since = new Date(now.getTime() - WINDOW_DAYS * 24 * 3600_000);
  const [orders, loose] = await Promise.all([
    db().order.findMany({
      where: { createdAt: { gte: since }, OR: [{ status: "paid" }, { expiresAt: { lt: now } }] },
      select: {
        status: true,
        channel: true,
        amountCents: true,
        createdAt: true,
        slotHeldUntil: true,
        payment: { select: { status: true, source: true } },
      },
      take: 50_000,
    }),
    db().payment.findMany({
      where: { status: "unmatched", unowned: false, receivedAt: { gte: since } },
      select: { channel: true, amountCents: true, receivedAt: true, postedAt: true },
      take: 50_000,
    }),
  ]);
  const byAmount = new Map<string, number[]>();
  for (const p of loose) {
    const k = `${p.channel}:${p.amountCents}`;
    byAmount.set(k, [...(byAmount.get(k) ?? []), (p.postedAt ?? p.receivedAt).getTime()]);
  }
  let missed = 0;
  let paidByPhone = 0;
  for (const o of orders) {
    if (o.status === "paid") {
      if (o.payment && o.payment.source !== "bill" && o.payment.status !== "assigned") paidByPhone++;
      else missed++;
      continue;
    }
    const times = byAmount.get(`${o.channel}:${o.amountCents}`) ?? [];
    const from = o.createdAt.getTime();
    const to = o.slotHeldUntil.getTime() + AFTER_RELEASE_MS;
    if (times.some((t) => t >= from && t <= to)) missed++;
  }
  const total = missed + paidByPhone;
  return { share: total ? missed / total : null, missed, paidByPhone, days: WINDOW_DAYS };
}
