import { db } from "@/lib/db/client";
import { notifierHealth } from "@/lib/devices/health";
import { listDevices } from "@/lib/devices/admin";
import { chinaDay, chinaDayStart, lastChinaDays } from "@/lib/admin/china-time";

/**
 * Everything on the owner's dashboard, straight from the database. Revenue is
 * money attributed to a post: orders paid by a matched payment (the order's
 * amount) plus payments the owner assigned by hand (the payment's amount) —
 * an assigned payment also marks its order paid, so it is counted once, here.
 * Payments sent by the 模拟付款 button (demo) are never revenue: they are counted apart.
 */
const DASHBOARD_DAYS = 30;
// The funnel counts events: views, clicks and orders once per client address
// and article per 10 minutes (lib/articles/events.ts), paid once per paid
// order. Events are kept 90 days, longer than DASHBOARD_DAYS.

export interface Dashboard {
  revenue: { todayCents: number; last7Cents: number; last30Cents: number };
  daily: { day: string; cents: number; orders: number }[];
  funnel: { views: number; clicks: number; orders: number; paid: number };
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
  /** Demo payments (模拟付款) in the last 30 days: shown apart, never in revenue. */
  demoPayments: number;
  /** Enabled demo-seed codes after go-live: never handed out, but the owner should replace them. */
  demoCodesEnabled: number;
}

export async function dashboard(now = new Date()): Promise<Dashboard> {
  const since = chinaDayStart(now, DASHBOARD_DAYS - 1);
  const [orders, assigned, events, health, devices, unmatchedPayments, demoCodes, demoPayments] = await Promise.all([
    db().order.findMany({
      where: {
        status: "paid",
        paidAt: { gte: since },
        OR: [{ payment: null }, { payment: { status: { not: "assigned" } } }],
        NOT: { payment: { demo: true } },
      },
      select: { amountCents: true, paidAt: true, articleId: true },
    }),
    db().payment.findMany({
      where: { status: "assigned", resolvedAt: { gte: since }, demo: false },
      select: { amountCents: true, resolvedAt: true, order: { select: { articleId: true } } },
    }),
    db().event.groupBy({ by: ["type"], where: { createdAt: { gte: since } }, _count: { _all: true } }),
    notifierHealth(now),
    listDevices(now),
    db().payment.count({ where: { status: "unmatched" } }),
    db().qrCode.count({ where: { demo: true, enabled: true } }),
    db().payment.count({ where: { demo: true, receivedAt: { gte: since } } }),
  ]);

  const sales = [
    ...orders.map((o) => ({ cents: o.amountCents, at: o.paidAt!, articleId: o.articleId })),
    ...assigned.map((p) => ({ cents: p.amountCents, at: p.resolvedAt!, articleId: p.order?.articleId ?? null })),
  ];
  const days = lastChinaDays(now, DASHBOARD_DAYS);
  const byDay = new Map(days.map((d) => [d, { day: d, cents: 0, orders: 0 }]));
  const byArticle = new Map<string, { cents: number; orders: number }>();
  for (const s of sales) {
    const d = byDay.get(chinaDay(s.at));
    if (d) {
      d.cents += s.cents;
      d.orders++;
    }
    if (s.articleId) {
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
    demoPayments,
    demoCodesEnabled: health.demo ? 0 : demoCodes,
  };
}
