import { listPublishedArticles, loadGatedBodies } from "@/lib/articles/queries";
import { holdingsOf, readableGrants } from "@/lib/entitlements/check";
import { mayRead } from "@/lib/entitlements/access";
import { markedHtml, markFor, type ReaderMark } from "@/lib/marks/deliver";
import { siteSettings, publicOrigin } from "@/lib/settings/store";
import { feedOwner, privateFeedPath } from "@/lib/readers/feed-token";
import { linkGeneration } from "@/lib/readers/links";
import { buildFeed } from "@/lib/feeds/build";
import { guardFeedFetch } from "@/lib/feeds/guard";

/** The newest posts a feed carries. */
const FEED_ITEMS = 50;

export type FeedFormat = "rss" | "atom";

const render = (feed: ReturnType<typeof buildFeed>, format: FeedFormat) => (format === "atom" ? feed.atom1() : feed.rss2());

/** The public feed (/feed.xml, /atom.xml): free posts in full, paid posts with their teaser only. */
export async function publicFeed(requestOrigin: string, format: FeedFormat): Promise<string> {
  const settings = await siteSettings();
  const origin = publicOrigin(settings, requestOrigin);
  const articles = await listPublishedArticles(FEED_ITEMS);
  const free = articles.filter((a) => mayRead(a, null)).map((a) => a.id);
  const self = `${origin}/${format === "atom" ? "atom.xml" : "feed.xml"}`;
  return render(buildFeed({ settings, origin, articles, fullText: await loadGatedBodies(free), self }), format);
}

/**
 * A reader's private feed (/feed/private/{token}): the same posts, with the full
 * text of the free ones and of those this reader may read, nothing else; each paid
 * post's text carries the reader's mark for the grant it is read under (and, for a
 * browser restored through a link, for that browser). Null for an unknown, replaced
 * or stopped token, or one whose restore link was revoked.
 */
export async function privateFeed(
  token: string,
  requestOrigin: string,
  fetch: { ip: string; userAgent: string | null } | null = null,
): Promise<string | null> {
  const owner = await feedOwner(token);
  if (!owner) return null;
  // Shared or aggregated: replaced now, and this fetch is already refused (lib/feeds/guard.ts).
  if (fetch && (await guardFeedFetch(token, owner, fetch)) === "rotated") return null;
  const { readerId } = owner;
  const holder = {
    readerId,
    via: owner.deviceId && owner.linkId ? { generation: linkGeneration(owner.linkId), deviceId: owner.deviceId } : null,
  };
  const settings = await siteSettings();
  const origin = publicOrigin(settings, requestOrigin);
  const articles = await listPublishedArticles(FEED_ITEMS);
  const grants = await readableGrants(readerId, articles);
  const open = articles.filter((a) => mayRead(a, holdingsOf(grants.get(a.id) ?? null)));
  const marks = new Map<string, ReaderMark>();
  for (const [articleId, grant] of grants) marks.set(articleId, await markFor(holder, grant, articleId));
  const feed = buildFeed({
    settings,
    origin,
    articles,
    fullText: await loadGatedBodies(open.map((a) => a.id)),
    self: `${origin}${privateFeedPath(token)}`,
    title: `${settings.siteName}（我的订阅）`,
    markBody: (id, html) => {
      const mark = marks.get(id);
      return mark ? markedHtml(html, mark) : html;
    },
  });
  return feed.rss2();
}
