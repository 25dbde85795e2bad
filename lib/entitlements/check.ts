import { db, type Db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { GrantKind, OrderKind, OrderTarget } from "@/lib/targets";
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

/** The grant a post is read under: what a mark names (lib/marks) and the tracer reports (lib/trace). */
export interface Grant {
  kind: GrantKind;
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

/** The holding of access.ts's rule a grant of each kind is. */
const HOLDING_OF: Record<GrantKind, Holding> = { article: "post", series: "series", pass: "pass" };

/** What a reader holds, in access.ts's words, when they hold this grant (null: nothing). */
export function holdingsOf(grant: Grant | null): Holdings | null {
  if (!grant) return null;
  return { post: false, series: false, pass: false, preview: false, [HOLDING_OF[grant.kind]]: true };
}

/**
 * The grant under which this reader may read this paid post now, or null: access.ts's ways to
 * read it in its order (the post bought on its own, then a pass, then a series), the first one the
 * reader holds. Free posts have none (they are not paid text).
 */
export async function grantFor(
  readerId: string | null,
  article: { id: string; priceCents: number },
  now = new Date(),
): Promise<Grant | null> {
  if (!readerId) return null;
  const c = db();
  const lookup: Record<Holding, () => Promise<Grant | null>> = {
    post: () => articleGrant(c, readerId, article.id),
    pass: () => passGrant(c, readerId, now),
    series: () => seriesGrant(c, readerId, article.id),
    // A preview link is in the visitor's hand, not in the reader's holdings (the preview page asks with it).
    preview: async () => null,
  };
  for (const way of waysToRead(article)) {
    const grant = await lookup[way]();
    if (grant && mayRead(article, holdingsOf(grant))) return grant;
  }
  return null;
}

/**
 * May this reader read the whole of this article? The rule is access.ts's; this asks the database
 * for the reader's holdings in its order and stops at the first that opens the post.
 */
export async function canRead(readerId: string | null, article: { id: string; priceCents: number }, now = new Date()): Promise<boolean> {
  return mayRead(article, null) || mayRead(article, holdingsOf(await grantFor(readerId, article, now)));
}

/**
 * grantFor for many posts at once (a feed, the reader's library): the paid posts this reader may
 * read in full and the grant for each (the first of access.ts's ways the reader holds), in three
 * queries whatever the number of posts.
 */
export async function readableGrants(
  readerId: string | null,
  articles: { id: string; priceCents: number }[],
  now = new Date(),
): Promise<Map<string, Grant>> {
  const out = new Map<string, Grant>();
  const paid = articles.filter((a) => !mayRead(a, null));
  if (!readerId || paid.length === 0) return out;
  const c = db();
  const ids = paid.map((a) => a.id);
  const [own, viaSeries, pass] = await Promise.all([
    c.entitlement.findMany({ where: { readerId, articleId: { in: ids } }, select: { ...GRANT, articleId: true } }),
    c.seriesArticle.findMany({
      where: { articleId: { in: ids }, series: { grants: { some: { readerId } } } },
      select: {
        articleId: true,
        series: { select: { grants: { where: { readerId }, select: GRANT, take: 1, orderBy: { createdAt: "asc" } } } },
      },
    }),
    passGrant(c, readerId, now),
  ]);
  const post = new Map(own.map(({ articleId, ...g }): [string, Grant] => [articleId, { kind: "article", ...g, endsAt: null }]));
  const series = new Map<string, Grant>();
  for (const r of viaSeries) {
    const g = r.series.grants[0];
    if (g && !series.has(r.articleId)) series.set(r.articleId, { kind: "series", ...g, endsAt: null });
  }
  for (const a of paid) {
    const held: Record<Holding, Grant | null> = { post: post.get(a.id) ?? null, pass, series: series.get(a.id) ?? null, preview: null };
    if (!mayRead(a, { post: !!held.post, pass: !!held.pass, series: !!held.series, preview: false })) continue;
    const grant = waysToRead(a)
      .map((w) => held[w])
      .find((g) => g !== null);
    if (grant) out.set(a.id, grant);
  }
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
  const out = new Set(articles.filter((a) => mayRead(a, null)).map((a) => a.id));
  for (const id of (await readableGrants(readerId, articles, now)).keys()) out.add(id);
  return out;
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
