import { db } from "@/lib/db/client";
import { registerCache } from "@/lib/process-caches";
import { requestKeys } from "@/lib/redirects/path";

/**
 * The redirect table as the custom server reads it on every request: all rows in
 * one Map (old address → new path), loaded at most every TTL_MS and dropped at
 * once when the owner or an import changes redirects or posts (lib/admin/content.ts,
 * also in other instances through NOTIFY). A redirect to a post follows the post's
 * current slug.
 */
const TTL_MS = 30_000;
interface Table {
  at: number;
  map: Promise<Map<string, string>>;
}
const g = globalThis as unknown as { __paywallRedirectTable?: Table | null };

function table(now = Date.now()): Promise<Map<string, string>> {
  const t = g.__paywallRedirectTable;
  if (t && now - t.at < TTL_MS) return t.map;
  const map = load();
  g.__paywallRedirectTable = { at: now, map };
  map.catch(() => {
    if (g.__paywallRedirectTable?.map === map) g.__paywallRedirectTable = null;
  });
  return map;
}

async function load(): Promise<Map<string, string>> {
  const rows = await db().redirect.findMany({ select: { fromPath: true, toPath: true, article: { select: { slug: true } } } });
  const map = new Map<string, string>();
  for (const r of rows) {
    const to = r.article ? `/posts/${r.article.slug}` : r.toPath;
    if (to) map.set(r.fromPath, to);
  }
  return map;
}

export function forgetRedirects(): void {
  g.__paywallRedirectTable = null;
}
// A content cache: every owner write (and an import) drops it, here and in other instances.
registerCache("redirects", { forget: forgetRedirects, content: true });

/** Where a request for `url` (path and query as received) should go, or null. */
export async function findRedirect(url: string): Promise<string | null> {
  const map = await table();
  if (map.size === 0) return null;
  for (const key of requestKeys(url)) {
    const to = map.get(key);
    if (to && to !== key) return encodeURI(to);
  }
  return null;
}
