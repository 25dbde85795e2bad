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

/** The grant a post is read under: what a mark names (lib/marks) and the tracer reports (lib/trace). */
export interface Grant {
  kind: "article" | "series" | "pass";
  /** Entitlement, SeriesGrant or PassGrant id. */
  id: string;
  orderId: string | null;
  /** A pass period's end (null: lifetime, or not a pass). */
  endsAt: Date | null;
}

const GRANT = { id: true, orderId: true } as const;

/** A post bought (or redeemed) on its own. */
async function articleGrant(client: Client, readerId: string, articleId: string): Promise<Grant | null> {
  const row = await client.entitlement.findUnique({ where: { readerId_articleId: { readerId, articleId } }, select: GRANT });
  return row && { kind: "article", ...row, endsAt: null };
}

/** A series the reader owns that contains the post today. */
async function seriesGrant(client: Client, readerId: string, articleId: string): Promise<Grant | null> {
  const row = await client.seriesGrant.findFirst({
    where: { readerId, series: { articles: { some: { articleId } } } },
    select: GRANT,
    orderBy: { createdAt: "asc" },
  });
  return row && { kind: "series", ...row, endsAt: null };
}

/** A pass period covering `now` (lifetime: `lifetimeOnly`); the lifetime or longest-running one first. */
async function passGrant(client: Client, readerId: string, now: Date, lifetimeOnly = false): Promise<Grant | null> {
  const row = await client.passGrant.findFirst({
    where: lifetimeOnly
      ? { readerId, endsAt: null }
      : { readerId, startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    select: { ...GRANT, endsAt: true },
    orderBy: [{ startsAt: "asc" }],
  });
  return row && { kind: "pass", ...row };
}

const hasArticle = async (c: Client, r: string, a: string) => (await articleGrant(c, r, a)) !== null;
const hasSeriesWith = async (c: Client, r: string, a: string) => (await seriesGrant(c, r, a)) !== null;
const hasPass = async (c: Client, r: string, now: Date, lifetimeOnly = false) => (await passGrant(c, r, now, lifetimeOnly)) !== null;

/**
 * The grant under which this reader may read this paid post now, or null: the post bought on its
 * own first, then a pass, then a series. Free posts have none (they are not paid text).
 */
export async function grantFor(
  readerId: string | null,
  article: { id: string; priceCents: number },
  now = new Date(),
): Promise<Grant | null> {
  if (article.priceCents <= 0 || !readerId) return null;
  const c = db();
  return (
    (await articleGrant(c, readerId, article.id)) ?? (await passGrant(c, readerId, now)) ?? (await seriesGrant(c, readerId, article.id))
  );
}

/** May this reader read the whole of this article? Free articles: everyone. */
export async function canRead(readerId: string | null, article: { id: string; priceCents: number }, now = new Date()): Promise<boolean> {
  if (article.priceCents <= 0) return true;
  return (await grantFor(readerId, article, now)) !== null;
}

/**
 * grantFor for many posts at once (a feed, the reader's library): the paid posts this reader may
 * read in full and the grant for each, in three queries whatever the number of posts.
 */
export async function readableGrants(
  readerId: string | null,
  articles: { id: string; priceCents: number }[],
  now = new Date(),
): Promise<Map<string, Grant>> {
  const out = new Map<string, Grant>();
  const paid = articles.filter((a) => a.priceCents > 0).map((a) => a.id);
  if (!readerId || paid.length === 0) return out;
  const c = db();
  const [own, viaSeries, pass] = await Promise.all([
    c.entitlement.findMany({ where: { readerId, articleId: { in: paid } }, select: { ...GRANT, articleId: true } }),
    c.seriesArticle.findMany({
      where: { articleId: { in: paid }, series: { grants: { some: { readerId } } } },
      select: {
        articleId: true,
        series: { select: { grants: { where: { readerId }, select: GRANT, take: 1, orderBy: { createdAt: "asc" } } } },
      },
    }),
    passGrant(c, readerId, now),
  ]);
  for (const r of viaSeries) {
    const g = r.series.grants[0];
    if (g) out.set(r.articleId, { kind: "series", ...g, endsAt: null });
  }
  if (pass) for (const id of paid) out.set(id, pass);
  for (const { articleId, ...g } of own) out.set(articleId, { kind: "article", ...g, endsAt: null });
  return out;
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
  for (const id of (await readableGrants(readerId, articles, now)).keys()) out.add(id);
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
