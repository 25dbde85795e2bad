import { db } from "@/lib/db/client";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { isOnline, lastSeen } from "@/lib/devices/health";
import { targetKey, targetOf, targetSelect } from "@/lib/targets";
import { phonesWithLinks } from "@/lib/accounts/store";
import { speaksFor } from "@/lib/accounts/rules";
import { judgeStreak, LOOKBACK_HOURS, type FinishedOrder } from "@/lib/accounts/health-rules";
import { clearSuspect, markAccount } from "@/lib/accounts/health-store";

/**
 * What the worker notices about receiving accounts (every watch round, with the phones):
 * a 正常 account whose orders keep running out unpaid while other accounts sell becomes 可疑
 * (health-rules.ts judgeStreak), with its phones' state as part of the evidence; a 可疑 account
 * that received a payment since is 正常 again. Each change is a compare-and-set on the account
 * (health-store.ts): with two server processes watching, it happens — and alerts — once.
 */
const MAX_ORDERS = 2000;

export async function watchAccounts(now = new Date()): Promise<void> {
  if (await isDemoMode()) return;
  const accounts = await db().account.findMany({
    where: { enabled: true, health: { in: ["ok", "suspect"] } },
    select: { id: true, channel: true, defaultFor: true, health: true, healthSince: true, resumedAt: true },
  });
  for (const a of accounts.filter((x) => x.health === "suspect")) {
    const paid = await db().payment.count({ where: { accountId: a.id, demo: false, receivedAt: { gt: a.healthSince ?? new Date(0) } } });
    if (paid > 0) await clearSuspect(db(), a.id, now);
  }
  const healthy = accounts.filter((x) => x.health === "ok");
  if (healthy.length === 0) return;
  const orders = await finishedOrders(now);
  let phones: Awaited<ReturnType<typeof phonesWithLinks>> | null = null;
  for (const a of healthy) {
    const since = a.resumedAt?.getTime() ?? 0;
    // The owner's resume starts this account's count afresh; the other accounts' orders still tell how they sell.
    const verdict = judgeStreak(
      a.id,
      orders.filter((o) => o.accountId !== a.id || o.createdAt.getTime() > since),
    );
    if (!verdict) continue;
    phones ??= await phonesWithLinks();
    const mine = phones.filter((p) => speaksFor(p, { ...a, isDefault: a.defaultFor !== null }));
    const seen = mine.map((p) => lastSeen(p)?.getTime() ?? 0).filter((t) => t > 0);
    await markAccount(
      db(),
      a.id,
      "suspect",
      {
        kind: "expiry_streak",
        ...verdict,
        since: verdict.since.toISOString(),
        phonesOnline: mine.filter((p) => isOnline(p, now)).length,
        phoneLastSeenAt: seen.length ? new Date(Math.max(...seen)).toISOString() : null,
      },
      now,
    );
  }
}

/**
 * Orders of the lookback window that are over: paid, cancelled, or past their deadline. An unpaid
 * one whose reader paid for the same thing afterwards (another channel, a new code) is marked, so
 * it counts against no account.
 */
async function finishedOrders(now: Date): Promise<FinishedOrder[]> {
  const rows = await db().order.findMany({
    where: {
      createdAt: { gte: new Date(now.getTime() - LOOKBACK_HOURS * 3600_000) },
      OR: [{ status: { in: ["paid", "cancelled"] } }, { expiresAt: { lte: now } }],
      NOT: { payment: { demo: true } },
    },
    select: { accountId: true, createdAt: true, status: true, readerId: true, ...targetSelect },
    orderBy: { createdAt: "desc" },
    take: MAX_ORDERS,
  });
  const key = (r: (typeof rows)[number]) => {
    const t = targetOf(r);
    return t ? `${r.readerId}:${targetKey(t)}` : null;
  };
  const paidAt = new Map<string, number[]>();
  for (const r of rows.filter((r) => r.status === "paid")) {
    const k = key(r);
    if (k) paidAt.set(k, [...(paidAt.get(k) ?? []), r.createdAt.getTime()]);
  }
  return rows.map((r) => {
    const paid = r.status === "paid";
    const k = key(r);
    const later = !paid && k !== null && (paidAt.get(k) ?? []).some((t) => t >= r.createdAt.getTime());
    return { accountId: r.accountId, createdAt: r.createdAt, paid, settledElsewhere: later };
  });
}
