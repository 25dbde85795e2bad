import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { SLUG_PATTERN } from "@/lib/articles/queries";
import { visibleWhere } from "@/lib/articles/visibility";

/**
 * Series (专栏) as readers see them. Like the article queries, nothing here
 * selects a post's gated body: lists carry slugs, titles and prices only.
 */
export interface SeriesOffer {
  id: string;
  slug: string;
  title: string;
  priceCents: number;
}

export interface SeriesPost {
  id: string;
  slug: string;
  title: string;
  priceCents: number;
}

export interface PublicSeries extends SeriesOffer {
  description: string;
  /** Published posts in the owner's order. */
  posts: SeriesPost[];
}

const offerSelect = { id: true, slug: true, title: true, priceCents: true } as const;
const postSelect = { id: true, slug: true, title: true, priceCents: true } as const;

export async function listPublishedSeries(): Promise<(SeriesOffer & { description: string; posts: number })[]> {
  const rows = await db().series.findMany({
    where: { published: true },
    select: { ...offerSelect, description: true, articles: { where: { article: visibleWhere() }, select: { articleId: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(({ articles, ...s }) => ({ ...s, posts: articles.length }));
}

export async function findPublishedSeries(slug: string): Promise<PublicSeries | null> {
  if (!SLUG_PATTERN.test(slug)) return null;
  const s = await db().series.findFirst({
    where: { slug, published: true },
    select: {
      ...offerSelect,
      description: true,
      articles: { where: { article: visibleWhere() }, select: { article: { select: postSelect } }, orderBy: { position: "asc" } },
    },
  });
  if (!s) return null;
  const { articles, ...rest } = s;
  return { ...rest, posts: articles.map((a) => a.article) };
}

export async function requirePublishedSeries(slug: string): Promise<PublicSeries> {
  const s = await findPublishedSeries(slug);
  if (!s) throw new AppError("not_found", `找不到专栏「${slug}」。`);
  return s;
}

/** The published series a post belongs to: the paywall offers them beside the single post. */
export async function seriesOfArticle(articleId: string): Promise<SeriesOffer[]> {
  return db().series.findMany({
    where: { published: true, articles: { some: { articleId } } },
    select: offerSelect,
    orderBy: { priceCents: "asc" },
  });
}
