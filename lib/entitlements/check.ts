import { db, type Db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { OrderKind, OrderTarget } from "@/lib/targets";
import { mayRead, waysToRead, type Holding, type Holdings } from "@/lib/entitlements/access";

/**
 * The one place that looks up what a reader may read or still needs to buy.
 * Every entitlement check (the article page, order creation, redeem codes,
 * feeds, restore) goes through here; who may read a post is access.ts's pure
 * rule, fed with what the reader holds: the post (Entitlement), a series it is
 * in *now* (membership is read here, so posts added later are covered), or a
 * site pass valid now. Reads only; each lookup is an indexed query.
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

/**
 * May this reader read the whole of this article? The rule is access.ts's; this asks the database
 * for the reader's holdings in its order and stops at the first that opens the post.
 */
export async function canRead(readerId: string | null, article: { id: string; priceCents: number }, now = new Date()): Promise<boolean> {
  if (mayRead(article, null)) return true;
  if (!readerId) return false;
  const c = db();
  const holds: Record<Holding, () => Promise<boolean>> = {
    post: () => hasArticle(c, readerId, article.id),
    pass: () => hasPass(c, readerId, now),
    series: () => hasSeriesWith(c, readerId, article.id),
  };
  for (const way of waysToRead(article)) if (await holds[way]()) return true;
  return false;
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
  const paid = articles.filter((a) => !mayRead(a, null));
  if (!readerId || paid.length === 0) return new Set(articles.filter((a) => mayRead(a, null)).map((a) => a.id));
  const c = db();
  const ids = paid.map((a) => a.id);
  const pass = await hasPass(c, readerId, now);
  const [own, viaSeries] = pass
    ? [[], []]
    : await Promise.all([
        c.entitlement.findMany({ where: { readerId, articleId: { in: ids } }, select: { articleId: true } }),
        c.seriesArticle.findMany({
          where: { articleId: { in: ids }, series: { grants: { some: { readerId } } } },
          select: { articleId: true },
        }),
      ]);
  const post = new Set(own.map((r) => r.articleId));
  const series = new Set(viaSeries.map((r) => r.articleId));
  const holdings = (id: string): Holdings => ({ post: post.has(id), series: series.has(id), pass });
  return new Set(articles.filter((a) => mayRead(a, holdings(a.id))).map((a) => a.id));
}

/**
 * Does the reader already own, for good, what this order would sell? Then
 * buying it is pointless (409). A time-limited pass owns nothing for good, so a
 * reader holding one may still buy a post or series to keep, or renew the pass;
 * a lifetime pass covers every post, series and pass. Tips are never owned.
 * Order creation asks before and again inside the slot-taking transaction (a late
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
