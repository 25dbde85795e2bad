import type { AccountHealth } from "@/lib/accounts/health";
import { db } from "@/lib/db/client";
import type { FunnelStep } from "@/lib/admin/funnel";
import { notifierHealth } from "@/lib/devices/health";
import { listDevices } from "@/lib/devices/admin";
import { chinaDay, chinaDayStart, lastChinaDays } from "@/lib/china-time";
import { missedShare, type MissedShare } from "@/lib/watch/missed";
import { walkthrough } from "@/lib/admin/walkthrough";
import { splitByKind, type KindTotal } from "@/lib/admin/sales-by-kind";
import { isSale, type OrderKind } from "@/lib/targets";
import { listAccounts } from "@/lib/accounts/admin";

/**
 * Everything on the owner's dashboard, straight from the database. Revenue is
 * money attributed to a post: orders paid by a matched payment (the order's
 * amount) plus payments the owner assigned by hand (the payment's amount) —
 * an assigned payment also marks its order paid, so it is counted once, here.
 * Revenue, the daily chart and top posts count sales (posts, series, passes);
 * tips are money given, not sold: they appear only in the split by kind.
 * Redeemed codes are never revenue (no payment); they are counted apart.
 * Payments sent by the 模拟付款 button (demo) are never revenue: they are counted apart.
 * A purchase the owner refunded (lib/requests/admin.ts) is no revenue either: its payment is "refunded".
 */
const DASHBOARD_DAYS = 30;
// The funnel counts events: views, clicks and orders once per client address
// and article per 10 minutes (lib/articles/events.ts), paid once per paid
// order. Events are kept 90 days, longer than DASHBOARD_DAYS.

export interface Dashboard {
  revenue: { todayCents: number; last7Cents: number; last30Cents: number };
  daily: { day: string; cents: number; orders: number }[];
  funnel: Record<FunnelStep, number>;
  topArticles: { slug: string; title: string; cents: number; orders: number }[];
  notifier: {
    online: boolean;
    demo: boolean;
    lastSeenAt: Date | null;
    offlineAfterSeconds: number;
    devices: number;
    offlineDevices: string[];
  };
  unmatchedPayments: number;
  /** Readers' 我已付款 reports waiting for the owner. */
  pendingClaims: number;
  /** Money of the last 30 days per kind (post, series, pass, tip). */
  byKind: KindTotal[];
  /** Redeem codes used in the last 30 days (no money). */
  redemptions: number;
  /** Demo payments (模拟付款) in the last 30 days: shown apart, never in revenue. */
  demoPayments: number;
  /** Enabled demo-seed codes after go-live: never handed out, but the owner should replace them. */
  demoCodesEnabled: number;
  /** Readers whose payment the phone did not report in time (lib/watch/missed.ts). */
  missedNotifications: MissedShare;
  /** Alerts whose last delivery failed. */
  failingAlerts: number;
  /** The go-live walkthrough is not finished yet. */
  goLivePending: boolean;
  /** Readers' 申请退款 / 有问题 waiting for an answer. */
  openRequests: number;
  /** Each enabled receiving account today: health and the ceiling meter (今日 12/50 笔 · ¥60.00/¥500.00). */
  accounts: { id: string; name: string; channel: string; health: AccountHealth; meter: string; full: boolean }[];
}

export async function dashboard(now = new Date()): Promise<Dashboard> {
  const since = chinaDayStart(now, DASHBOARD_DAYS - 1);
  const [
    orders,
    assigned,
    events,
    health,
    devices,
    unmatchedPayments,
    demoCodes,
    demoPayments,
    missed,
    failingAlerts,
    steps,
    pendingClaims,
    redemptions,
    openRequests,
    accounts,
  ] = await Promise.all([
    db().order.findMany({
      where: {
        status: "paid",
        paidAt: { gte: since },
        // Assigned payments are counted below by their own amount; refunded ones (a reader's refund request) never.
        OR: [{ payment: null }, { payment: { status: { notIn: ["assigned", "refunded"] } } }],
        NOT: { payment: { demo: true } },
      },
      select: { amountCents: true, paidAt: true, articleId: true, kind: true },
    }),
    db().payment.findMany({
      where: { status: "assigned", resolvedAt: { gte: since }, demo: false },
      select: { amountCents: true, resolvedAt: true, order: { select: { articleId: true, kind: true } } },
    }),
    db().event.groupBy({ by: ["type"], where: { createdAt: { gte: since } }, _count: { _all: true } }),
    notifierHealth(now),
    listDevices(now),
    db().payment.count({ where: { status: "unmatched" } }),
    db().qrCode.count({ where: { demo: true, enabled: true } }),
    db().payment.count({ where: { demo: true, receivedAt: { gte: since } } }),
    missedShare(now),
    db().alert.count({ where: { enabled: true, lastError: { not: null } } }),
    walkthrough(now),
    db().paymentClaim.count({ where: { status: "pending" } }),
    db().redeemCode.count({ where: { redeemedAt: { gte: since } } }),
    db().readerRequest.count({ where: { status: "open" } }),
    listAccounts(now),
  ]);

  const received = [
    ...orders.map((o) => ({ cents: o.amountCents, at: o.paidAt!, articleId: o.articleId, kind: o.kind as OrderKind })),
    ...assigned.map((p) => ({
      cents: p.amountCents,
      at: p.resolvedAt!,
      articleId: p.order?.articleId ?? null,
      kind: (p.order?.kind ?? "article") as OrderKind,
    })),
  ];
  const sales = received.filter((s) => isSale(s.kind));
  const days = lastChinaDays(now, DASHBOARD_DAYS);
  const byDay = new Map(days.map((d) => [d, { day: d, cents: 0, orders: 0 }]));
  const byArticle = new Map<string, { cents: number; orders: number }>();
  for (const s of sales) {
    const d = byDay.get(chinaDay(s.at));
    if (d) {
      d.cents += s.cents;
      d.orders++;
    }
    if (s.articleId && s.kind === "article") {
      const a = byArticle.get(s.articleId) ?? { cents: 0, orders: 0 };
      a.cents += s.cents;
      a.orders++;
      byArticle.set(s.articleId, a);
    }
  }
  const sum = (from: Date) => sales.filter((s) => s.at >= from).reduce((n, s) => n + s.cents, 0);

  const top = [...byArticle.entries()].sort((a, b) => b[1].cents - a[1].cents).slice(0, 5);
  const titles = await db().article.findMany({
    where: { id: { in: top.map(([id]) => id) } },
    select: { id: true, slug: true, title: true },
  });
  const count = (type: string) => events.find((e) => e.type === type)?._count._all ?? 0;
  const enabled = devices.filter((d) => d.enabled);

  return {
    revenue: { todayCents: sum(chinaDayStart(now)), last7Cents: sum(chinaDayStart(now, 6)), last30Cents: sum(since) },
    daily: [...byDay.values()],
    funnel: { views: count("view"), clicks: count("click"), orders: count("order"), paid: count("paid") },
    topArticles: top.flatMap(([id, v]) => {
      const a = titles.find((t) => t.id === id);
      return a ? [{ slug: a.slug, title: a.title, ...v }] : [];
    }),
    notifier: { ...health, devices: enabled.length, offlineDevices: enabled.filter((d) => !d.online).map((d) => d.name) },
    unmatchedPayments,
    pendingClaims,
    byKind: splitByKind(received),
    redemptions,
    demoPayments,
    demoCodesEnabled: health.demo ? 0 : demoCodes,
    missedNotifications: missed,
    failingAlerts,
    goLivePending: !steps.done,
    openRequests,
    accounts: accounts
      .filter((a) => a.enabled)
      .map((a) => ({
        id: a.id,
        name: a.name,
        channel: a.channel,
        health: a.health,
        meter: a.meter,
        full: !!a.fullUntil && a.fullUntil.getTime() > now.getTime(),
      })),
  };
}
