import { publicPost } from "@/lib/articles/cache";
import { recordView } from "@/lib/articles/events";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { clientIp } from "@/lib/http/client-ip";
import { getCookie } from "@/lib/http/cookies";
import { READER_COOKIE } from "@/lib/readers/session";
import { siteSettings } from "@/lib/settings/store";
import { markFor } from "@/lib/marks/deliver";
import { cachedGrant, cachedSession } from "@/lib/entitlements/grant-cache";
import { isFree, mayRead } from "@/lib/entitlements/access";
import { holdingsOf } from "@/lib/entitlements/check";

/** Which stored page a request may get (server/page-store.ts keeps the pages). */
export interface PageVariant {
  /** "paywall" or "open", plus whatever else decides the page (demo mode). */
  variant: string;
  articleId: string;
  /** The post costs money: an "open" page must show its body, a "paywall" page must not. */
  paid: boolean;
  /** An entitled reader of a paid post: the carriers and label their copy gets (server/marked-pages.ts). */
  mark?: { table: Buffer; label: string };
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
 * the store, so the entitlement is this request's own answer (lib/entitlements/grant-cache.ts:
 * the database's yes, remembered for seconds and dropped by every revocation):
 * - "open": the reader may read the whole post (or it is free) — the page with the body; for a
 *   paid post with the reader's mark (their carriers and label: server/marked-pages.ts);
 * - "paywall": no (valid) reader cookie and the post is not free — the anonymous page;
 * - null: a reader who may not read the post; their page may show their open
 *   payment report, so it is rendered for them and never stored.
 * Demo mode changes the paywall and the tip box, so it is part of the variant.
 */
export async function pageVariant(slug: string, headers: Headers): Promise<PageVariant | null> {
  const post = await publicPost(slug);
  if (!post) return null;
  const { article } = post;
  const session = await cachedSession(getCookie(headers, READER_COOKIE));
  const demo = (await isDemoMode()) ? ":demo" : "";
  const paid = !isFree(article);
  const grant = session && paid ? await cachedGrant(session.readerId, article) : null;
  if (!mayRead(article, holdingsOf(grant))) return session ? null : { variant: `paywall${demo}`, articleId: article.id, paid };
  if (!grant || !session) return { variant: `open${demo}`, articleId: article.id, paid };
  const [mark, settings] = await Promise.all([markFor(session, grant, article.id), siteSettings()]);
  return { variant: `open${demo}`, articleId: article.id, paid, mark: { table: mark.table, label: settings.readerLine ? mark.label : "" } };
}

export const articlePageGate: PageGate = {
  variant: pageVariant,
  countView: (articleId, headers) => void recordView(articleId, clientIp(headers)),
};
