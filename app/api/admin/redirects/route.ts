import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { createRedirect, listRedirects, redirectInput } from "@/lib/redirects/admin";

export const dynamic = "force-dynamic";

/** { items: [{ id, fromPath, to, title, source, createdAt }] } */
export const GET = adminRoute(async () => json({ items: await listRedirects() }));

/** { from, to }: an old address (path or full old URL) → a post's slug or a path on this site. */
export const POST = adminRoute(async (req) => json(await createRedirect(await readJson(req, redirectInput)), 201));
