import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { isUniqueViolation, withTx } from "@/lib/db/tx";
import { SLUG_PATTERN } from "@/lib/articles/queries";
import { paidPriceSchema } from "@/lib/price-schema";

/**
 * The owner's series (专栏): POST/GET /api/admin/series, GET/PATCH/DELETE
 * /api/admin/series/{slug}. Membership is read when a reader opens a post, so a
 * post added to a series is unlocked at once for everyone who owns the series —
 * and a post removed from it is locked again for them (the admin warns).
 */
const fields = {
  slug: z.string().trim().regex(SLUG_PATTERN, "slug 只能用小写字母、数字和连字符（-），以字母或数字开头，最长 80 个字符"),
  title: z.string().trim().min(1, "请填写标题").max(200, "标题最长 200 个字符"),
  description: z.string().trim().max(2000, "简介最长 2000 个字符"),
  priceCents: paidPriceSchema,
  articleSlugs: z.array(z.string().trim().min(1)).max(500, "一个专栏最多 500 篇文章"),
  published: z.boolean(),
};
export const seriesInput = z.object({
  ...fields,
  description: fields.description.default(""),
  articleSlugs: fields.articleSlugs.default([]),
  published: fields.published.default(true),
});
export const seriesPatch = z.object(fields).partial();

export type SeriesInput = z.infer<typeof seriesInput>;

export async function listSeriesForAdmin() {
  const rows = await db().series.findMany({
    select: {
      id: true,
      slug: true,
      title: true,
      priceCents: true,
      published: true,
      createdAt: true,
      _count: { select: { articles: true, grants: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(({ _count, ...s }) => ({ ...s, posts: _count.articles, owners: _count.grants }));
}

export async function getSeriesForAdmin(slug: string) {
  const s = await db().series.findUnique({
    where: { slug },
    select: {
      slug: true,
      title: true,
      description: true,
      priceCents: true,
      published: true,
      createdAt: true,
      updatedAt: true,
      articles: {
        select: { article: { select: { slug: true, title: true, priceCents: true, published: true } } },
        orderBy: { position: "asc" },
      },
      _count: { select: { grants: true } },
    },
  });
  if (!s) throw new AppError("not_found", `找不到专栏「${slug}」。`);
  const { articles, _count, ...rest } = s;
  return { ...rest, articleSlugs: articles.map((a) => a.article.slug), posts: articles.map((a) => a.article), owners: _count.grants };
}

export type SeriesForAdmin = Awaited<ReturnType<typeof getSeriesForAdmin>>;

/** Replaces the series' posts with `slugs`, in that order. Unknown slugs are a 400 naming them. */
async function setPosts(tx: Tx, seriesId: string, slugs: string[]): Promise<void> {
  const unique = [...new Set(slugs)];
  const found = await tx.article.findMany({ where: { slug: { in: unique } }, select: { id: true, slug: true } });
  const missing = unique.filter((s) => !found.some((a) => a.slug === s));
  if (missing.length) throw new AppError("invalid_input", `找不到这些文章：${missing.join("、")}`);
  await tx.seriesArticle.deleteMany({ where: { seriesId } });
  if (unique.length) {
    const id = new Map(found.map((a) => [a.slug, a.id]));
    await tx.seriesArticle.createMany({ data: unique.map((s, position) => ({ seriesId, articleId: id.get(s)!, position })) });
  }
}

const conflict = (slug: string) => new AppError("conflict", `slug「${slug}」已被另一个专栏使用，请换一个。`);

export async function createSeries(input: SeriesInput) {
  const { articleSlugs, ...data } = input;
  try {
    await withTx(async (tx) => {
      const id = newId(9);
      await tx.series.create({ data: { id, ...data } });
      await setPosts(tx, id, articleSlugs);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(input.slug);
    throw e;
  }
  return getSeriesForAdmin(input.slug);
}

export async function updateSeries(slug: string, patch: z.infer<typeof seriesPatch>) {
  const { articleSlugs, ...data } = patch;
  try {
    await withTx(async (tx) => {
      const s = await tx.series.findUnique({ where: { slug }, select: { id: true } });
      if (!s) throw new AppError("not_found", `找不到专栏「${slug}」。`);
      await tx.series.update({ where: { id: s.id }, data });
      if (articleSlugs) await setPosts(tx, s.id, articleSlugs);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(patch.slug ?? slug);
    throw e;
  }
  return getSeriesForAdmin(patch.slug ?? slug);
}

/** Only a series nobody owns or is paying for can go; otherwise unpublish it. */
export async function deleteSeries(slug: string): Promise<void> {
  await withTx(async (tx) => {
    const s = await tx.series.findUnique({ where: { slug }, select: { id: true, _count: { select: { grants: true } } } });
    if (!s) throw new AppError("not_found", `找不到专栏「${slug}」。`);
    const orders = await tx.order.count({ where: { seriesId: s.id } });
    if (s._count.grants > 0 || orders > 0) {
      throw new AppError("conflict", "已有读者购买或下单了这个专栏，删除会让他们失去已购内容。请改为「下架」。");
    }
    await tx.series.delete({ where: { id: s.id } });
  });
}
