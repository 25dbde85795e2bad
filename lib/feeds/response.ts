/**
 * Feed responses. The public feeds carry only what anyone may read, so shared
 * caches may keep them a few minutes; a private feed never goes into one.
 */
import { nextScheduledAt } from "@/lib/articles/visibility";

const TYPES = { rss: "application/rss+xml; charset=utf-8", atom: "application/atom+xml; charset=utf-8" } as const;

const MAX_AGE = 300;

/** How long a shared cache may keep the public feed: 5 minutes, less when a scheduled post goes out sooner. */
export async function publicFeedMaxAge(now = new Date()): Promise<number> {
  const next = await nextScheduledAt(now);
  if (!next) return MAX_AGE;
  return Math.max(0, Math.min(MAX_AGE, Math.ceil((next.getTime() - now.getTime()) / 1000)));
}

export function publicFeedResponse(xml: string, format: keyof typeof TYPES, maxAge = MAX_AGE): Response {
  return new Response(xml, { headers: { "content-type": TYPES[format], "cache-control": `public, max-age=${maxAge}` } });
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
