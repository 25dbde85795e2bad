import { db } from "@/lib/db/client";
import { passStatus, type PassStatus } from "@/lib/passes/period";
import type { PassOffer } from "@/lib/passes/queries";

/** Posts this reader bought (or redeemed) one by one. */
export async function listPurchases(readerId: string) {
  return db().entitlement.findMany({
    where: { readerId },
    select: {
      createdAt: true,
      article: { select: { slug: true, title: true, priceCents: true } },
      order: { select: { amountCents: true } },
    },
    orderBy: { createdAt: "desc" },
  });
}

/** Series this reader owns. */
export async function listOwnedSeries(readerId: string) {
  const rows = await db().seriesGrant.findMany({
    where: { readerId },
    select: { createdAt: true, series: { select: { slug: true, title: true, published: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({ ...r.series, createdAt: r.createdAt }));
}

export interface ReaderPass extends PassStatus {
  /** Had a pass at all (valid or not). */
  ever: boolean;
  /** What the renew button buys: the pass last granted if still on sale, else the cheapest timed pass on sale. */
  renew: PassOffer | null;
}

/** The reader's site-pass access (全站通) and what to renew it with. */
export async function readerPass(readerId: string, now = new Date()): Promise<ReaderPass> {
  const grants = await db().passGrant.findMany({
    where: { readerId },
    select: { startsAt: true, endsAt: true, pass: { select: { id: true, name: true, priceCents: true, days: true, active: true } } },
    orderBy: { createdAt: "desc" },
  });
  const status = passStatus(grants, now);
  let renew: PassOffer | null = null;
  if (!status.lifetime) {
    const last = grants.find((g) => g.pass.active && g.pass.days !== null)?.pass;
    const offer =
      last ??
      (await db().pass.findFirst({
        where: { active: true, days: { not: null } },
        orderBy: { priceCents: "asc" },
        select: { id: true, name: true, priceCents: true, days: true },
      }));
    renew = offer ? { id: offer.id, name: offer.name, priceCents: offer.priceCents, days: offer.days } : null;
  }
  return { ...status, ever: grants.length > 0, renew };
}

/** How many things this reader owns (posts, series, pass periods): a device with any keeps its own restore link. */
export async function ownedCount(readerId: string): Promise<number> {
  const [posts, series, passes] = await Promise.all([
    db().entitlement.count({ where: { readerId } }),
    db().seriesGrant.count({ where: { readerId } }),
    db().passGrant.count({ where: { readerId } }),
  ]);
  return posts + series + passes;
}
