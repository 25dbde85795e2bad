import { Feed } from "feed";
import { escapeUTF8 } from "entities";
import { formatCents } from "@/lib/money";
import { plainExcerpt, renderMarkdown } from "@/lib/articles/markdown";
import type { PublicArticle } from "@/lib/articles/queries";
import type { SiteSettings } from "@/lib/settings/schema";

/**
 * RSS 2.0 / Atom through the `feed` package (it escapes and wraps content).
 * A post's full text goes in only when `fullText` has its body: the callers put
 * there free posts and, in a reader's private feed, what that reader bought.
 * Everything else carries its public teaser and a link to read on the site.
 */
export interface FeedInput {
  settings: SiteSettings;
  origin: string;
  articles: PublicArticle[];
  /** Bodies that may be shown in full, by article id. Never a body this feed's reader may not read. */
  fullText: Map<string, string>;
  /** The feed's own URL. */
  self: string;
  /** A private feed's per-reader mark on a post's full text (lib/marks); public feeds have none. */
  markBody?: (articleId: string, html: string) => string;
  title?: string;
}

export function buildFeed(i: FeedInput): Feed {
  const { settings: s, origin } = i;
  const latest = i.articles[0];
  const feed = new Feed({
    id: `${origin}/`,
    link: `${origin}/`,
    title: escapeUTF8(i.title ?? s.siteName),
    description: escapeUTF8(s.description),
    language: "zh-CN",
    generator: false,
    updated: latest ? (latest.publishedAt ?? latest.createdAt) : new Date(0),
    feedLinks: { rss: i.self },
    favicon: `${origin}/favicon.ico`,
    ...(s.logoUrl ? { image: absolute(s.logoUrl, origin) } : {}),
    author: { name: s.author || s.siteName, link: `${origin}/` },
    copyright: `© ${s.author || s.siteName}`,
  });
  for (const a of i.articles) {
    const link = `${origin}/posts/${a.slug}`;
    const body = i.fullText.get(a.id);
    const full = body !== undefined ? renderMarkdown(body) : null;
    const html = renderMarkdown(a.teaser) + (full === null ? readOnSite(a, link) : (i.markBody?.(a.id, full) ?? full));
    // Feed readers treat titles and summaries as HTML (Atom says so: type="html"): escape the plain text.
    feed.addItem({
      id: link,
      link,
      title: escapeUTF8(a.title),
      date: a.publishedAt ?? a.createdAt,
      description: escapeUTF8(plainExcerpt(a.teaser, 200) || (a.priceCents > 0 ? `付费文章 ¥${formatCents(a.priceCents)}` : "")),
      content: absoluteLinks(html, origin),
      category: a.tags.map((name) => ({ name, term: name })),
      author: [{ name: s.author || s.siteName }],
    });
  }
  return feed;
}

function readOnSite(a: PublicArticle, link: string): string {
  return `<p><a href="${link}">阅读全文（付费 ¥${formatCents(a.priceCents)}）</a></p>`;
}

const absolute = (url: string, origin: string) => (url.startsWith("/") ? `${origin}${url}` : url);

/** Feed readers show content away from the site: site-relative links and images must name the site. */
export function absoluteLinks(html: string, origin: string): string {
  return html.replace(/(\s(?:src|href)=")\/(?!\/)/g, `$1${origin}/`);
}
