import { db, type Db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { OrderKind, OrderTarget } from "@/lib/targets";

/**
 * The one place that decides what a reader may read or still needs to buy.
 * Every entitlement check (the article page, order creation, redeem codes,
 * feeds, restore) goes through here. A reader may read a paid post when they
 * bought it (Entitlement), own a series it is in *now* (membership is read
 * here, so posts added later are covered), or hold a site pass valid now.
 * Reads only; each check is an indexed lookup.
 */

type Client = Tx | Db;

/** A post bought (or redeemed) on its own. */
async function hasArticle(client: Client, readerId: string, articleId: string): Promise<boolean> {
  const row = await client.entitlement.findUnique({ where: { readerId_articleId: { readerId, articleId } }, select: { id: true } });
  return row !== null;
}

/** A series the reader owns that contains the post today. */
async function hasSeriesWith(client: Client, readerId: string, articleId: string): Promise<boolean> {
  const row = await client.seriesGrant.findFirst({
    where: { readerId, series: { articles: { some: { articleId } } } },
    select: { id: true },
  });
  return row !== null;
}

/** A pass period covering `now` (lifetime: `lifetimeOnly`). */
async function hasPass(client: Client, readerId: string, now: Date, lifetimeOnly = false): Promise<boolean> {
  const row = await client.passGrant.findFirst({
    where: lifetimeOnly
      ? { readerId, endsAt: null }
      : { readerId, startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    select: { id: true },
  });
  return row !== null;
}

/** May this reader read the whole of this article? Free articles: everyone. */
export async function canRead(readerId: string | null, article: { id: string; priceCents: number }, now = new Date()): Promise<boolean> {
  if (article.priceCents <= 0) return true;
  if (!readerId) return false;
  const c = db();
  return (await hasArticle(c, readerId, article.id)) || (await hasPass(c, readerId, now)) || (await hasSeriesWith(c, readerId, article.id));
}

/**
 * canRead for many posts at once (a series page, a feed): the ids this reader
 * may read in full, in three queries whatever the number of posts.
 */
export async function readableArticleIds(
  readerId: string | null,
  articles: { id: string; priceCents: number }[],
  now = new Date(),
): Promise<Set<string>> {
  const out = new Set(articles.filter((a) => a.priceCents <= 0).map((a) => a.id));
  const paid = articles.filter((a) => a.priceCents > 0).map((a) => a.id);
  if (!readerId || paid.length === 0) return out;
  const c = db();
  if (await hasPass(c, readerId, now)) return new Set(articles.map((a) => a.id));
  const [own, viaSeries] = await Promise.all([
    c.entitlement.findMany({ where: { readerId, articleId: { in: paid } }, select: { articleId: true } }),
    c.seriesArticle.findMany({
      where: { articleId: { in: paid }, series: { grants: { some: { readerId } } } },
      select: { articleId: true },
    }),
  ]);
  for (const r of [...own, ...viaSeries]) out.add(r.articleId);
  return out;
}

/**
 * Does the reader already own, for good, what this order would sell? Then
 * buying it is pointless (409). A time-limited pass owns nothing for good, so a
 * reader holding one may still buy a post or series to keep, or renew the pass;
 * a lifetime pass covers every post, series and pass. Tips are never owned.
 * Order creation asks before and again inside the claim transaction (a late
 * payment may settle between); redeeming asks inside its transaction.
 */
export async function ownsTarget(client: Client, readerId: string, target: OrderTarget, now = new Date()): Promise<boolean> {
  switch (target.kind) {
    case "article":
      return (
        (await hasArticle(client, readerId, target.articleId)) ||
        (await hasSeriesWith(client, readerId, target.articleId)) ||
        (await hasPass(client, readerId, now, true))
      );
    case "series": {
      const row = await client.seriesGrant.findUnique({
        where: { readerId_seriesId: { readerId, seriesId: target.seriesId } },
        select: { id: true },
      });
      return row !== null || (await hasPass(client, readerId, now, true));
    }
    case "pass":
      return hasPass(client, readerId, now, true);
    case "tip":
    case "merchant":
      return false;
  }
}

const OWNED_MESSAGE: Record<OrderKind, string> = {
  article: "你已经购买过这篇文章，刷新页面即可阅读全文。",
  series: "你已经拥有这个专栏，其中的文章都可以直接阅读。",
  pass: "你已拥有永久全站通，所有付费文章都可以直接阅读，无需再购买。",
  tip: "",
  merchant: "",
};

/** 409 already_unlocked, in words that fit what the reader tried to buy. */
export const alreadyUnlocked = (kind: OrderKind = "article") => new AppError("already_unlocked", OWNED_MESSAGE[kind]);

/** ownsTarget for a page: the reader behind the cookie (null: nobody) owns this for good. */
export async function readerOwns(readerId: string | null, target: OrderTarget): Promise<boolean> {
  return readerId !== null && ownsTarget(db(), readerId, target);
}
