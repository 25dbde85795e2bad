import type { Db, Tx } from "@/lib/db/client";
import { chinaDayStart, chinaNextMidnight } from "@/lib/china-time";
import type { DayUsage } from "@/lib/accounts/ceilings";

/**
 * What each account took today (China day) against its ceilings (ceilings.ts): its orders
 * paid today or still open, plus payments to it today that paid no order. The orders are
 * counted by ONE statement, so an order turning from open to paid while it runs is counted
 * once (PostgreSQL reads each statement from one snapshot). Called inside the slot-taking
 * transaction after the channel lock, so two processes cannot both take the last place.
 */
export async function dayUsage(q: Tx | Db, accountIds: string[], now: Date): Promise<Map<string, DayUsage>> {
  const out = new Map<string, DayUsage>();
  if (accountIds.length === 0) return out;
  const dayStart = chinaDayStart(now);
  const [orders, loose] = await Promise.all([
    q.order.groupBy({
      by: ["accountId", "amountCents"],
      where: {
        accountId: { in: accountIds },
        OR: [
          { status: "paid", paidAt: { gte: dayStart } },
          { status: "pending", expiresAt: { gt: now } },
        ],
      },
      _count: { _all: true },
    }),
    q.payment.groupBy({
      by: ["accountId", "amountCents"],
      where: { accountId: { in: accountIds }, orderId: null, demo: false, receivedAt: { gte: dayStart } },
      _count: { _all: true },
    }),
  ]);
  for (const id of accountIds) out.set(id, { count: 0, cents: 0, byAmount: new Map() });
  for (const g of [...orders, ...loose]) {
    const u = out.get(g.accountId!);
    if (!u) continue;
    const n = g._count._all;
    (u.byAmount as Map<number, number>).set(g.amountCents, (u.byAmount.get(g.amountCents) ?? 0) + n);
    out.set(g.accountId!, { count: u.count + n, cents: u.cents + n * g.amountCents, byAmount: u.byAmount });
  }
  return out;
}

/** Orders of each fixed-amount code paid today or still open (a code's own daily count limit). */
export async function codeUsage(q: Tx | Db, codeIds: string[], now: Date): Promise<Map<string, number>> {
  if (codeIds.length === 0) return new Map();
  const rows = await q.order.groupBy({
    by: ["qrCodeId"],
    where: {
      qrCodeId: { in: codeIds },
      OR: [
        { status: "paid", paidAt: { gte: chinaDayStart(now) } },
        { status: "pending", expiresAt: { gt: now } },
      ],
    },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.qrCodeId!, r._count._all]));
}

/** Seconds until the next China-time midnight: when a full account takes orders again. */
export function secondsUntilTomorrow(now: Date): number {
  const next = chinaNextMidnight(now).getTime();
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}
