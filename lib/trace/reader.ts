import { db } from "@/lib/db/client";
import { listOwnedSeries, listPurchases, readerPass } from "@/lib/readers/purchases";
import { markKey, readerLabel } from "@/lib/marks/key";

/** What the owner sees about a reader a copy was traced to: their label, purchases, orders, restore links and feeds. */
export interface ReaderDossier {
  readerId: string;
  label: string;
  posts: { slug: string; title: string; boughtAt: string; amountCents: number | null }[];
  series: { slug: string; title: string }[];
  pass: { active: boolean; lifetime: boolean; until: string | null };
  orders: { id: string; channel: string; amountCents: number; paidAt: string | null }[];
  restoreLinks: { id: string; devices: number; revoked: boolean }[];
  feeds: number;
}

export async function readerDossier(readerId: string): Promise<ReaderDossier> {
  const [purchases, series, pass, orders, links, own, devices] = await Promise.all([
    listPurchases(readerId),
    listOwnedSeries(readerId),
    readerPass(readerId),
    db().order.findMany({
      where: { readerId, status: "paid" },
      select: { id: true, channel: true, amountCents: true, paidAt: true },
      orderBy: { paidAt: "desc" },
      take: 50,
    }),
    db().restoreLink.findMany({ where: { readerId }, select: { id: true, revokedAt: true, _count: { select: { devices: true } } } }),
    db().readerFeed.count({ where: { readerId } }),
    db().deviceFeed.count({ where: { readerId } }),
  ]);
  return {
    readerId,
    label: readerLabel(await markKey(), readerId),
    posts: purchases.map((p) => ({
      slug: p.article.slug,
      title: p.article.title,
      boughtAt: p.createdAt.toISOString(),
      amountCents: p.order?.amountCents ?? null,
    })),
    series: series.map((s) => ({ slug: s.slug, title: s.title })),
    pass: { active: pass.active, lifetime: pass.lifetime, until: pass.until?.toISOString() ?? null },
    orders: orders.map((o) => ({ ...o, paidAt: o.paidAt?.toISOString() ?? null })),
    restoreLinks: links.map((l) => ({ id: l.id, devices: l._count.devices, revoked: !!l.revokedAt })),
    feeds: own + devices,
  };
}
