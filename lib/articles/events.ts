import { db } from "@/lib/db/client";
import { withinWindow } from "@/lib/http/rate-limit";
import { addressKey } from "@/lib/http/address-key";
import { queueView } from "@/lib/articles/views";

/**
 * Funnel counters for the owner's dashboard. Views, clicks and orders are
 * counted once per client address (IPv6: /64) and article per 10 minutes, so
 * the funnel reads as unique-ish visitors, and a script reloading a page
 * cannot write a row per request. "paid" events stay one per paid order.
 * Rows older than 90 days are pruned now and then (the dashboard shows 30).
 * In-memory windows: with several processes a visitor may count once per process.
 * A failure here must never break a page.
 */
const EVENT_WINDOW_SECONDS = 600;
const EVENT_KEEP_DAYS = 90;

// Counting, not protection: not worth a database write per page view.
const LOCAL = { shared: false } as const;

export type CountedEvent = "view" | "click" | "order";

export async function recordEvent(type: CountedEvent, articleId: string, ip: string, now = new Date()): Promise<void> {
  try {
    if (!(await withinWindow(`event-${type}`, `${addressKey(ip)}|${articleId}`, 1, EVENT_WINDOW_SECONDS, LOCAL))) return;
    // Views come with every page load: batched (views.ts). Clicks and orders are rarer and written at once.
    if (type === "view") queueView(articleId, now);
    else await db().event.create({ data: { type, articleId, createdAt: now } });
    if (await withinWindow("event-prune", "all", 1, 3600, LOCAL)) await pruneEvents(now);
  } catch {
    /* counters only */
  }
}

export const recordView = (articleId: string, ip: string) => recordEvent("view", articleId, ip);
export const recordClick = (articleId: string, ip: string) => recordEvent("click", articleId, ip);

async function pruneEvents(now = new Date()): Promise<number> {
  const { count } = await db().event.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - EVENT_KEEP_DAYS * 86_400_000) } } });
  return count;
}
