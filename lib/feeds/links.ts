/**
 * The feed autodiscovery links for a page's <head>. Next.js replaces the whole
 * `alternates` object of a layout when a page sets its own (a canonical URL), so
 * every page that does must repeat these.
 */
export function feedAlternates(siteName: string) {
  return {
    "application/rss+xml": [{ url: "/feed.xml", title: `${siteName} RSS` }],
    "application/atom+xml": [{ url: "/atom.xml", title: `${siteName} Atom` }],
  };
}
