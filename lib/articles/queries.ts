import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { visibleWhere } from "@/lib/articles/visibility";

/**
 * Select constants: public queries never load the gated body column, so it
 * cannot leak into a page, an RSC payload, a feed or JSON by accident.
 */
/** What lists show about a post: no text at all. */
export const articleMetaSelect = {
  id: true,
  slug: true,
  title: true,
  priceCents: true,
  published: true,
  createdAt: true,
  updatedAt: true,
  publishedAt: true,
  demo: true,
} as const;

const publicArticleSelect = {
  ...articleMetaSelect,
  teaser: true,
  readingMinutes: true,
  tags: { select: { tag: true }, orderBy: { tag: "asc" } },
} as const;

export type PublicArticle = {
  id: string;
  slug: string;
  title: string;
  teaser: string;
  priceCents: number;
  published: boolean;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  readingMinutes: number | null;
  tags: string[];
  /** A seeded demo post: the only kind 模拟付款 may unlock while the site is in demo mode. */
  demo: boolean;
};

type PublicRow = Omit<PublicArticle, "tags"> & { tags: { tag: string }[] };
const toPublic = (r: PublicRow): PublicArticle => ({ ...r, tags: r.tags.map((t) => t.tag) });

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
const newestFirst = [{ publishedAt: "desc" }, { createdAt: "desc" }, { id: "desc" }] as const;
// "Published" below means visible to readers now (lib/articles/visibility.ts): scheduled posts are not, yet.
const publishedWhere = (tag?: string) => ({ ...visibleWhere(), ...(tag ? { tags: { some: { tag } } } : {}) });

/** Published posts, newest first (all of them, or the newest `take`). */
export async function listPublishedArticles(take?: number): Promise<PublicArticle[]> {
  const rows = await db().article.findMany({ where: visibleWhere(), select: publicArticleSelect, orderBy: [...newestFirst], take });
  return rows.map(toPublic);
}

export const PAGE_SIZE = 10;

export interface ArticlePage {
  items: PublicArticle[];
  page: number;
  pages: number;
  total: number;
}

/** One page of published posts (optionally of one tag), newest first; page numbers start at 1. */
export async function listPublishedPage(q: { page: number; tag?: string; pageSize?: number }): Promise<ArticlePage> {
  const size = q.pageSize ?? PAGE_SIZE;
  const where = publishedWhere(q.tag);
  const [total, rows] = await Promise.all([
    db().article.count({ where }),
    db().article.findMany({ where, select: publicArticleSelect, orderBy: [...newestFirst], skip: (q.page - 1) * size, take: size }),
  ]);
  return { items: rows.map(toPublic), page: q.page, pages: Math.max(1, Math.ceil(total / size)), total };
}

/** Tags of published posts with how many posts carry each, most used first. */
export async function listTags(): Promise<{ tag: string; count: number }[]> {
  const rows = await db().articleTag.groupBy({ by: ["tag"], where: { article: visibleWhere() }, _count: { _all: true } });
  return rows.map((r) => ({ tag: r.tag, count: r._count._all })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, "zh-CN"));
}

export async function findPublishedArticle(slug: string): Promise<PublicArticle | null> {
  if (!SLUG_PATTERN.test(slug)) return null;
  const row = await db().article.findFirst({ where: { slug, ...visibleWhere() }, select: publicArticleSelect });
  return row ? toPublic(row) : null;
}

export async function requirePublishedArticle(slug: string): Promise<PublicArticle> {
  const a = await findPublishedArticle(slug);
  if (!a) throw new AppError("article_not_found", `找不到文章「${slug}」。`);
  return a;
}

/** The gated body, for a reader already known to be entitled (or a free article). */
export async function loadGatedBody(articleId: string): Promise<string> {
  const row = await db().article.findUnique({ where: { id: articleId }, select: { body: true } });
  return row?.body ?? "";
}

/** Gated bodies of several posts, for a reader known to be entitled to each of them (the private feed). */
export async function loadGatedBodies(articleIds: string[]): Promise<Map<string, string>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db().article.findMany({ where: { id: { in: articleIds } }, select: { id: true, body: true } });
  return new Map(rows.map((r) => [r.id, r.body]));
}
