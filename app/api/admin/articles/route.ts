import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { articleInput, createArticle, listArticlesForAdmin } from "@/lib/articles/admin";

export const dynamic = "force-dynamic";

export const GET = adminRoute(async () => json({ items: await listArticlesForAdmin() }));

export const POST = adminRoute(async (req) => json(await createArticle(await readJson(req, articleInput, 1024 * 1024)), 201));
