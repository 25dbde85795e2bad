import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { articlePatch, deleteArticle, getArticleForAdmin, updateArticle } from "@/lib/articles/admin";

export const dynamic = "force-dynamic";
type P = { slug: string };

export const GET = adminRoute<P>(async (_req, { params }) => json(await getArticleForAdmin((await params).slug)));

export const PATCH = adminRoute<P>(async (req, { params }) => {
  const patch = await readJson(req, articlePatch, 1024 * 1024);
  return json(await updateArticle((await params).slug, patch));
});

export const DELETE = adminRoute<P>(async (_req, { params }) => {
  await deleteArticle((await params).slug);
  return json({ ok: true });
});
