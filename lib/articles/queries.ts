import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Select constants: public queries never load the gated body column, so it
 * cannot leak into a page, an RSC payload or JSON by accident.
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

const publicArticleSelect = { ...articleMetaSelect, teaser: true } as const;

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
  /** A seeded demo post: the only kind 模拟付款 may unlock while the site is in demo mode. */
  demo: boolean;
};

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;

export async function listPublishedArticles(): Promise<PublicArticle[]> {
  return db().article.findMany({
    where: { published: true },
    select: publicArticleSelect,
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
  });
}

export async function findPublishedArticle(slug: string): Promise<PublicArticle | null> {
  if (!SLUG_PATTERN.test(slug)) return null;
  return db().article.findFirst({ where: { slug, published: true }, select: publicArticleSelect });
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

export async function isEntitled(readerId: string | null, articleId: string): Promise<boolean> {
  if (!readerId) return false;
  const row = await db().entitlement.findUnique({
    where: { readerId_articleId: { readerId, articleId } },
    select: { id: true },
  });
  return !!row;
}
