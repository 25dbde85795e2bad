import { json, owner, readJson } from "@/lib/http/door";
import { articleInput, createArticle, listArticlesForAdmin } from "@/lib/articles/admin";

export const GET = owner(async () => json({ items: await listArticlesForAdmin() }));

export const POST = owner(async ({ req }) => json(await createArticle(await readJson(req, articleInput, 1024 * 1024)), 201));
