import { listPublishedArticles, loadGatedBodies } from "@/lib/articles/queries";
import { readableArticleIds } from "@/lib/entitlements/check";
import { mayRead } from "@/lib/entitlements/access";
import { siteSettings, publicOrigin } from "@/lib/settings/store";
import { privateFeedPath, readerForFeedToken } from "@/lib/readers/feed-token";
import { buildFeed } from "@/lib/feeds/build";

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
 * text of the free ones and of those this reader bought, nothing else. Null for
 * an unknown or revoked token.
 */
export async function privateFeed(token: string, requestOrigin: string): Promise<string | null> {
  const readerId = await readerForFeedToken(token);
  if (!readerId) return null;
  const settings = await siteSettings();
  const origin = publicOrigin(settings, requestOrigin);
  const articles = await listPublishedArticles(FEED_ITEMS);
  const readable = await readableArticleIds(readerId, articles);
  const open = articles.filter((a) => readable.has(a.id));
  const feed = buildFeed({
    settings,
    origin,
    articles,
    fullText: await loadGatedBodies(open.map((a) => a.id)),
    self: `${origin}${privateFeedPath(token)}`,
    title: `${settings.siteName}（我的订阅）`,
  });
  return feed.rss2();
}
