import { json, owner, readJson } from "@/lib/http/door";
import { createRedirect, listRedirects, redirectInput } from "@/lib/redirects/admin";

/** { items: [{ id, fromPath, to, title, source, createdAt }] } */
export const GET = owner(async () => json({ items: await listRedirects() }));

/** { from, to }: an old address (path or full old URL) → a post's slug or a path on this site. */
export const POST = owner(async ({ req }) => json(await createRedirect(await readJson(req, redirectInput, 4096)), 201));
