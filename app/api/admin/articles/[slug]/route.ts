import { json, ok, owner, readJson, segments } from "@/lib/http/door";
import { articlePatch, deleteArticle, getArticleForAdmin, updateArticle } from "@/lib/articles/admin";

const params = segments("slug");

export const GET = owner(async ({ params }) => json(await getArticleForAdmin(params.slug)), { params });

export const PATCH = owner(
  async ({ req, params }) => {
    const patch = await readJson(req, articlePatch, 1024 * 1024);
    return json(await updateArticle(params.slug, patch));
  },
  { params },
);

export const DELETE = owner(async ({ params }) => deleteArticle(params.slug).then(ok), { params });
