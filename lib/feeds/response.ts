/**
 * Feed responses. The public feeds carry only what anyone may read, so shared
 * caches may keep them a few minutes; a private feed never goes into one.
 */
const TYPES = { rss: "application/rss+xml; charset=utf-8", atom: "application/atom+xml; charset=utf-8" } as const;

export function publicFeedResponse(xml: string, format: keyof typeof TYPES): Response {
  return new Response(xml, { headers: { "content-type": TYPES[format], "cache-control": "public, max-age=300" } });
}

export function privateFeedResponse(xml: string): Response {
  return new Response(xml, {
    headers: {
      "content-type": TYPES.rss,
      "cache-control": "private, no-store",
      "x-robots-tag": "noindex, nofollow",
      "referrer-policy": "no-referrer",
    },
  });
}
