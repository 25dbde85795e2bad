import { publicPost } from "@/lib/articles/cache";
import { recordView } from "@/lib/articles/events";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { clientIp } from "@/lib/http/client-ip";
import { getCookie } from "@/lib/http/cookies";
import type { PageGate, PageVariant } from "@/lib/http/page-store";
import { READER_COOKIE } from "@/lib/readers/session";
import { siteSettings } from "@/lib/settings/store";
import { markFor } from "@/lib/marks/deliver";
import { cachedGrant, cachedSession } from "@/lib/entitlements/grant-cache";

/**
 * The page cache's gate (lib/http/page-cache.ts): which stored article page a
 * request may get. It runs for every request, also when the page is served from
 * the store, so the entitlement is this request's own answer (lib/entitlements/grant-cache.ts:
 * the database's yes, remembered for seconds and dropped by every revocation):
 * - "open": the reader may read the whole post (or it is free) — the page with the body; for a
 *   paid post with the reader's mark (their carriers and label: lib/marks/page-serve.ts);
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
  const paid = article.priceCents > 0;
  if (!paid) return { variant: `open${demo}`, articleId: article.id, paid };
  const grant = session ? await cachedGrant(session.readerId, article) : null;
  if (grant && session) {
    const [mark, settings] = await Promise.all([markFor(session, grant, article.id), siteSettings()]);
    return {
      variant: `open${demo}`,
      articleId: article.id,
      paid,
      mark: { table: mark.table, label: settings.readerLine ? mark.label : "" },
    };
  }
  return session ? null : { variant: `paywall${demo}`, articleId: article.id, paid };
}

export const articlePageGate: PageGate = {
  variant: pageVariant,
  countView: (articleId, headers) => void recordView(articleId, clientIp(headers)),
};
