import { publicPost } from "@/lib/articles/cache";
import { recordView } from "@/lib/articles/events";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { clientIp } from "@/lib/http/client-ip";
import { getCookie } from "@/lib/http/cookies";
import { READER_COOKIE } from "@/lib/readers/session";
import { readerFromCookieValue } from "@/lib/readers/links";
import { canRead } from "@/lib/entitlements/check";

/** Which stored page a request may get (server/page-store.ts keeps the pages). */
export interface PageVariant {
  /** "paywall" or "open", plus whatever else decides the page (demo mode). */
  variant: string;
  articleId: string;
  /** The post costs money: an "open" page must show its body, a "paywall" page must not. */
  paid: boolean;
}

/** What the production server's page cache asks this side of the process, for every request. */
export interface PageGate {
  /** Which stored page this request may get, or null: render it for this request only. */
  variant(slug: string, headers: Headers): Promise<PageVariant | null>;
  /** The view a served page stands for (batched and windowed like the page's own count). */
  countView(articleId: string, headers: Headers): void;
}

/**
 * The page cache's gate (server/page-cache.ts): which stored article page a
 * request may get. It runs for every request, also when the page is served from
 * the store, so the entitlement is this request's own database answer:
 * - "open": the reader may read the whole post (or it is free) — the page with the body;
 * - "paywall": no (valid) reader cookie and the post is not free — the anonymous page;
 * - null: a reader who may not read the post; their page may show their open
 *   payment report, so it is rendered for them and never stored.
 * Demo mode changes the paywall and the tip box, so it is part of the variant.
 */
export async function pageVariant(slug: string, headers: Headers): Promise<PageVariant | null> {
  const post = await publicPost(slug);
  if (!post) return null;
  const { article } = post;
  const readerId = await readerFromCookieValue(getCookie(headers, READER_COOKIE));
  const demo = (await isDemoMode()) ? ":demo" : "";
  const paid = article.priceCents > 0;
  if (await canRead(readerId, article)) return { variant: `open${demo}`, articleId: article.id, paid };
  return readerId ? null : { variant: `paywall${demo}`, articleId: article.id, paid };
}

export const articlePageGate: PageGate = {
  variant: pageVariant,
  countView: (articleId, headers) => void recordView(articleId, clientIp(headers)),
};
