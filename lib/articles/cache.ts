import { findPublishedArticle, type PublicArticle } from "@/lib/articles/queries";
import { renderMarkdown } from "@/lib/articles/markdown";
import { registerCache } from "@/lib/process-caches";

/**
 * The public part of a post (the row without its body, and the teaser rendered
 * to HTML) is the same for every reader: it is read and rendered once per
 * TTL_MS per process, and dropped at once when the owner writes a post
 * (forgetPublicPosts, called by lib/articles/admin.ts), so this process shows an
 * edit immediately and another instance within TTL_MS. Only what
 * publicArticleSelect reads can be in here: the gated body never is, so nothing
 * an anonymous request reads from this cache can leak it (tested in
 * tests/integration/article-cache.test.ts). Prices and entitlements are always
 * read from the database where money is involved; this is display only.
 */
export const TTL_MS = 10_000;

export interface PublicPost {
  article: PublicArticle;
  teaserHtml: string;
}

interface Store {
  generation: number;
  entries: Map<string, { at: number; generation: number; value: Promise<PublicPost | null> }>;
}

// On globalThis: Next.js may load this module once per route bundle, and the admin's write must clear the pages' copy.
const g = globalThis as unknown as { __paywallPosts?: Store };
const store = (g.__paywallPosts ??= { generation: 0, entries: new Map() });
const MAX_ENTRIES = 500;

export function publicPost(slug: string, now = Date.now()): Promise<PublicPost | null> {
  const hit = store.entries.get(slug);
  if (hit && hit.generation === store.generation && now - hit.at < TTL_MS) return hit.value;
  const generation = store.generation;
  const value = findPublishedArticle(slug).then((article) => (article ? { article, teaserHtml: renderMarkdown(article.teaser) } : null));
  if (store.entries.size >= MAX_ENTRIES) store.entries.clear();
  store.entries.set(slug, { at: now, generation, value });
  value.catch(() => {
    if (store.entries.get(slug)?.value === value) store.entries.delete(slug);
  });
  return value;
}

/** Any write to any post: tags, listing order and series links change with it, so everything goes. */
export function forgetPublicPosts(): void {
  store.generation++;
  store.entries.clear();
}
registerCache("public-posts", { forget: forgetPublicPosts, content: true });

/** What the cache holds right now (for the test that proves no gated text is in it). */
export async function cachedPublicPosts(): Promise<PublicPost[]> {
  const all = await Promise.all([...store.entries.values()].map((e) => e.value.catch(() => null)));
  return all.filter((p): p is PublicPost => p !== null);
}
