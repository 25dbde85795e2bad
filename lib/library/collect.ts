import { listPublishedArticles, loadGatedBodies, type PublicArticle } from "@/lib/articles/queries";
import { readableGrants } from "@/lib/entitlements/check";
import { markFor, type MarkHolder, type ReaderMark } from "@/lib/marks/deliver";

/** One post of the reader's library: its public part, its gated Markdown and the reader's mark for it. */
export interface LibraryItem {
  article: PublicArticle;
  body: string;
  mark: ReaderMark;
}

/**
 * Everything the reader may read in full now that costs money (posts bought, series owned, a valid
 * site pass), newest first, each with the mark of the grant it is read under — the 下载全部 files
 * carry the same marks as the page, so a leaked EPUB or Markdown file traces like a leaked page.
 */
export async function readerLibrary(holder: MarkHolder): Promise<LibraryItem[]> {
  const articles = await listPublishedArticles();
  const grants = await readableGrants(holder.readerId, articles);
  const owned = articles.filter((a) => grants.has(a.id));
  const bodies = await loadGatedBodies(owned.map((a) => a.id));
  const items: LibraryItem[] = [];
  for (const article of owned) {
    items.push({ article, body: bodies.get(article.id) ?? "", mark: await markFor(holder, grants.get(article.id)!, article.id) });
  }
  return items;
}
