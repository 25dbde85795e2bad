import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { GrantTarget } from "@/lib/targets";

/**
 * How the owner names a thing sold in admin requests (redeem codes, coupons):
 * `{ "articleSlug": … }`, `{ "seriesSlug": … }` or `{ "passId": … }` — exactly one.
 */
export const targetRefSchema = z
  .object({
    articleSlug: z.string().trim().min(1).max(100).optional(),
    seriesSlug: z.string().trim().min(1).max(100).optional(),
    passId: z.string().trim().min(1).max(64).optional(),
  })
  .refine((r) => [r.articleSlug, r.seriesSlug, r.passId].filter(Boolean).length === 1, {
    message: "target 需要且只能包含 articleSlug、seriesSlug、passId 之一",
  });

export type TargetRef = z.infer<typeof targetRefSchema>;

export interface ResolvedTarget {
  target: GrantTarget;
  /** How the owner and the reader read it: 「标题」, 专栏「标题」, 全站通「名称」. */
  label: string;
}

export async function resolveTargetRef(ref: TargetRef): Promise<ResolvedTarget> {
  if (ref.articleSlug) {
    const a = await db().article.findUnique({ where: { slug: ref.articleSlug }, select: { id: true, title: true, priceCents: true } });
    if (!a) throw new AppError("article_not_found", `找不到文章「${ref.articleSlug}」。`);
    if (a.priceCents <= 0) throw new AppError("invalid_input", `「${a.title}」是免费文章，无需兑换码或优惠券。`);
    return { target: { kind: "article", articleId: a.id }, label: `「${a.title}」` };
  }
  if (ref.seriesSlug) {
    const s = await db().series.findUnique({ where: { slug: ref.seriesSlug }, select: { id: true, title: true } });
    if (!s) throw new AppError("not_found", `找不到专栏「${ref.seriesSlug}」。`);
    return { target: { kind: "series", seriesId: s.id }, label: `专栏「${s.title}」` };
  }
  const p = await db().pass.findUnique({ where: { id: ref.passId! }, select: { id: true, name: true } });
  if (!p) throw new AppError("not_found", `找不到全站通「${ref.passId}」。`);
  return { target: { kind: "pass", passId: p.id }, label: `全站通「${p.name}」` };
}

/** The label of a row that names its target through relations (redeem codes, coupons). */
export function labelOf(row: {
  article?: { title: string } | null;
  series?: { title: string } | null;
  pass?: { name: string } | null;
}): string {
  if (row.article) return `「${row.article.title}」`;
  if (row.series) return `专栏「${row.series.title}」`;
  if (row.pass) return `全站通「${row.pass.name}」`;
  return "全站";
}
