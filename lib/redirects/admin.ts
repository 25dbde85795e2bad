import { z } from "zod";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/tx";
import { newId } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { SLUG_PATTERN } from "@/lib/articles/queries";
import { normalizePath, reservedPath } from "@/lib/redirects/path";
import { REDIRECT_SOURCE } from "@/lib/redirects/source";

/**
 * The owner's redirects (跳转): list, add (old address → a post or a path on this site), remove. The
 * table the server reads is a content cache (lib/redirects/store.ts): the door's owner caller drops it
 * after every write, here and in other instances.
 */
export const redirectInput = z.object({
  from: z.string().trim().min(1, "请填写旧地址").max(500, "旧地址最长 500 个字符"),
  /** A post's slug, or a path on this site starting with "/". */
  to: z.string().trim().min(1, "请填写新地址").max(500, "新地址最长 500 个字符"),
});

export async function listRedirects() {
  const rows = await db().redirect.findMany({
    orderBy: [{ createdAt: "desc" }, { fromPath: "asc" }],
    select: { id: true, fromPath: true, toPath: true, source: true, createdAt: true, article: { select: { slug: true, title: true } } },
  });
  return rows.map(({ article, ...r }) => ({
    ...r,
    source: REDIRECT_SOURCE.parse(r.source),
    to: article ? `/posts/${article.slug}` : r.toPath,
    title: article?.title ?? null,
  }));
}

export type RedirectRow = Awaited<ReturnType<typeof listRedirects>>[number];

export async function createRedirect(input: z.infer<typeof redirectInput>) {
  const fromPath = normalizePath(input.from);
  if (!fromPath)
    throw new AppError("invalid_input", "旧地址应为本站路径（如 /2024/05/my-post/、/archives/123、/?p=123）或旧博客的完整网址。");
  if (reservedPath(fromPath)) throw new AppError("invalid_input", `「${fromPath}」是本站自己在用的地址，不能设为跳转。`);
  const target = await resolveTarget(input.to);
  if (target.toPath === fromPath) throw new AppError("invalid_input", "新地址和旧地址相同。");
  try {
    await db().redirect.create({ data: { id: newId(), fromPath, ...target, source: "owner" } });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", `旧地址「${fromPath}」已经有跳转了：先删除它再添加。`);
    throw e;
  }
  return (await listRedirects()).find((r) => r.fromPath === fromPath)!;
}

async function resolveTarget(to: string): Promise<{ articleId: string | null; toPath: string | null }> {
  const slug = /^\/posts\/([^/?#]+)\/?$/.exec(to)?.[1] ?? to;
  if (SLUG_PATTERN.test(slug)) {
    const a = await db().article.findUnique({ where: { slug }, select: { id: true } });
    if (a) return { articleId: a.id, toPath: null };
    if (!to.startsWith("/"))
      throw new AppError("invalid_input", `找不到文章「${slug}」：新地址填文章的网址（slug），或以 / 开头的本站路径。`);
  }
  if (!/^\/[^/\\]/.test(to) && to !== "/")
    throw new AppError("invalid_input", "新地址填文章的网址（slug），或以 / 开头的本站路径（不能跳到别的网站）。");
  return { articleId: null, toPath: to };
}

export async function deleteRedirect(id: string): Promise<void> {
  const { count } = await db().redirect.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("not_found", "这条跳转不存在（可能已被删除）。");
}
