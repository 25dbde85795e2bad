import { z } from "zod";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { isUniqueViolation, withTx } from "@/lib/db/tx";
import { minutesUntilSlotsFree } from "@/lib/db/slot-holds";
import { databaseKind } from "@/lib/config";
import { joinMarkdown, splitMarkdown } from "@/lib/articles/markdown";
import { articleMetaSelect, SLUG_PATTERN } from "@/lib/articles/queries";
import { readingMinutes } from "@/lib/articles/reading";
import { tagsSchema } from "@/lib/articles/tags";
import { forgetPublicPosts } from "@/lib/articles/cache";
import { priceSchema } from "@/lib/price-schema";

/** The owner's view of posts: the whole Markdown (teaser + divider + body) in and out. */
const fields = {
  slug: z.string().trim().regex(SLUG_PATTERN, "slug 只能用小写字母、数字和连字符（-），以字母或数字开头，最长 80 个字符"),
  title: z.string().trim().min(1, "请填写标题").max(200, "标题最长 200 个字符"),
  priceCents: priceSchema,
  markdown: z.string().max(500_000, "正文过长（上限 50 万字符）"),
  published: z.boolean(),
  tags: tagsSchema,
};
export const articleInput = z.object({ ...fields, published: fields.published.default(false), tags: fields.tags.default([]) });
// Built from the fields without defaults: `.partial()` keeps a default, so a
// patch without `published` would have unpublished the post.
export const articlePatch = z.object(fields).partial();

export type ArticleInput = z.infer<typeof articleInput>;

export async function listArticlesForAdmin() {
  return db().article.findMany({ select: articleMetaSelect, orderBy: { createdAt: "desc" } });
}

export type AdminArticleRow = Awaited<ReturnType<typeof listArticlesForAdmin>>[number];

const editSelect = {
  ...articleMetaSelect,
  id: false,
  teaser: true,
  body: true,
  readingMinutes: true,
  tags: { select: { tag: true }, orderBy: { tag: "asc" } },
} as const;

/** The post as the editor shows it: one Markdown text, teaser and body joined at the divider. */
export async function getArticleForAdmin(slug: string) {
  const a = await db().article.findUnique({ where: { slug }, select: editSelect });
  if (!a) throw new AppError("article_not_found", `找不到文章「${slug}」。`);
  const { teaser, body, tags, ...rest } = a;
  return { ...rest, tags: tags.map((t) => t.tag), markdown: joinMarkdown(teaser, body, a.priceCents > 0) };
}

/** The stored columns for some Markdown at a price: teaser, body and their reading time. */
function textColumns(markdown: string, priceCents: number) {
  const parts = splitMarkdown(markdown, priceCents);
  return { ...parts, readingMinutes: readingMinutes(parts.teaser, parts.body) };
}

export type ArticleForAdmin = Awaited<ReturnType<typeof getArticleForAdmin>>;

function conflict(slug: string): AppError {
  return new AppError("conflict", `slug「${slug}」已被另一篇文章使用，请换一个。`);
}

export async function createArticle(input: ArticleInput) {
  const { markdown, tags, ...rest } = input;
  const now = new Date();
  try {
    await db().article.create({
      data: {
        id: newId(),
        ...rest,
        ...textColumns(markdown, input.priceCents),
        publishedAt: input.published ? now : null,
        tags: { create: tags.map((tag) => ({ tag })) },
      },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(input.slug);
    throw e;
  }
  forgetPublicPosts();
  return getArticleForAdmin(input.slug);
}

/** Partial update; the Markdown is re-split whenever it or the price changes (free posts have no gate). */
export async function updateArticle(slug: string, patch: Partial<ArticleInput>) {
  const current = await getArticleForAdmin(slug);
  const priceCents = patch.priceCents ?? current.priceCents;
  const markdown = patch.markdown ?? current.markdown;
  const published = patch.published ?? current.published;
  try {
    await db().article.update({
      where: { slug },
      data: {
        slug: patch.slug,
        title: patch.title,
        priceCents,
        published,
        ...textColumns(markdown, priceCents),
        publishedAt: published ? (current.publishedAt ?? new Date()) : current.publishedAt,
        // Replaced as a whole when given; nested writes run in the update's own transaction.
        ...(patch.tags ? { tags: { deleteMany: {}, create: patch.tags.map((tag) => ({ tag })) } } : {}),
        // Once the owner edits a demo post it is theirs: never sold through demo payments again.
        ...(patch.markdown !== undefined || patch.title !== undefined || patch.priceCents !== undefined ? { demo: false } : {}),
      },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(patch.slug ?? slug);
    throw e;
  } finally {
    // Also after a failed write: dropping the cache is always safe.
    forgetPublicPosts();
  }
  return getArticleForAdmin(patch.slug ?? slug);
}

/**
 * Readers who paid keep nothing if the post goes, so a paid-for post can only
 * be unpublished. Nor may it go while an order holds an amount slot: deleting
 * cascades to the order, and a reader paying right now would have the payment
 * turn up unmatched. Check and delete are one transaction; on PostgreSQL the
 * article row is locked first, so an order inserted concurrently (its foreign
 * key check locks the row too) is either counted here or fails cleanly.
 */
export async function deleteArticle(slug: string, now = new Date()): Promise<void> {
  await withTx(async (tx) => {
    const a = await tx.article.findUnique({ where: { slug }, select: { id: true } });
    if (!a) throw new AppError("article_not_found", `找不到文章「${slug}」。`);
    if (databaseKind() === "postgres") await tx.$queryRawUnsafe(`SELECT id FROM "Article" WHERE id = $1 FOR UPDATE`, a.id);
    // Paid orders include tips; entitlements include readers who redeemed a code (no order).
    const paid = await tx.order.count({ where: { articleId: a.id, status: "paid" } });
    const owners = await tx.entitlement.count({ where: { articleId: a.id } });
    if (paid > 0 || owners > 0) {
      throw new AppError(
        "conflict",
        `已有 ${Math.max(paid, owners)} 位读者为这篇文章付费、赞赏或兑换，删除会让他们失去已购内容（或丢失收款记录）。请改为「下架」。`,
      );
    }
    const minutes = await minutesUntilSlotsFree(tx, { articleId: a.id }, now);
    if (minutes !== null) {
      throw new AppError(
        "conflict",
        `有读者正在为这篇文章付款（或可能刚付完款、通知还没到），现在删除会让这些付款无法匹配。请先「下架」，约 ${minutes} 分钟后再删除。`,
      );
    }
    await tx.article.delete({ where: { id: a.id } });
  });
  forgetPublicPosts();
}
