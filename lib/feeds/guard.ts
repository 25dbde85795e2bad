import ipaddr from "ipaddr.js";
import { db } from "@/lib/db/client";
import { config } from "@/lib/config";
import { raiseEvent } from "@/lib/alerts/raise";
import { rotateFeedToken, type FeedOwner } from "@/lib/readers/feed-token";
import { markKey, readerLabel } from "@/lib/marks/key";

/**
 * The private feed guards itself. A private feed URL belongs in one reader's feed apps; fetched
 * from many networks in a short time, it has been shared or pasted into a public aggregator, so it
 * is replaced at once: the fetch that tips it over already gets 404, the reader finds the new URL
 * (with a notice) in 我的购买, and the owner gets an alert (feed.rotated).
 *
 * What counts is networks, not addresses — IPv4 /24, IPv6 /48 — because one phone on mobile data
 * changes address all day inside its carrier's pools. The defaults (FEED_GUARD_*, docs/marks.md):
 * 8 networks in an hour or 20 in a day, or a feed service's User-Agent reporting 3 or more
 * subscribers ("Feedly/1.0 (…; 5 subscribers)"). One reader's phone (home Wi-Fi, work Wi-Fi, 4G),
 * laptop and one feed service (a few fetchers in one or two networks) stay well below.
 */
export function networkOf(ip: string): string {
  const raw = ip.trim();
  if (!ipaddr.isValid(raw)) return raw.slice(0, 64);
  let addr = ipaddr.parse(raw);
  if (addr instanceof ipaddr.IPv6 && addr.isIPv4MappedAddress()) addr = addr.toIPv4Address();
  if (addr instanceof ipaddr.IPv4) return `${addr.octets.slice(0, 3).join(".")}.0/24`;
  return `${new ipaddr.IPv6([...addr.parts.slice(0, 3), 0, 0, 0, 0, 0]).toString()}/48`;
}

/** The subscriber count a feed service states in its User-Agent, or null. */
export function reportedSubscribers(userAgent: string | null): number | null {
  const m = /(\d{1,7})\s+(?:subscribers?|readers?)\b/i.exec(userAgent ?? "");
  return m ? Number(m[1]) : null;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Records this fetch; "rotated" when it made the URL one too many networks have seen (then answer 404). */
export async function guardFeedFetch(
  token: string,
  owner: FeedOwner,
  fetch: { ip: string; userAgent: string | null },
  now = new Date(),
): Promise<"ok" | "rotated"> {
  const c = config();
  const network = networkOf(fetch.ip);
  await db().feedFetch.upsert({
    where: { token_network: { token, network } },
    create: { token, network, firstAt: now, lastAt: now },
    update: { lastAt: now },
  });
  const [hour, day] = await Promise.all([
    db().feedFetch.count({ where: { token, lastAt: { gte: new Date(now.getTime() - HOUR) } } }),
    db().feedFetch.count({ where: { token, lastAt: { gte: new Date(now.getTime() - DAY) } } }),
  ]);
  const subscribers = reportedSubscribers(fetch.userAgent);
  const reason =
    c.FEED_GUARD_NETWORKS_PER_HOUR > 0 && hour >= c.FEED_GUARD_NETWORKS_PER_HOUR
      ? "networks_hour"
      : c.FEED_GUARD_NETWORKS_PER_DAY > 0 && day >= c.FEED_GUARD_NETWORKS_PER_DAY
        ? "networks_day"
        : c.FEED_GUARD_SUBSCRIBERS > 0 && subscribers !== null && subscribers >= c.FEED_GUARD_SUBSCRIBERS
          ? "subscribers"
          : null;
  if (!reason) return "ok";
  // Two processes may both see it: one replaces the token, only that one alerts.
  if (!(await rotateFeedToken(token, "guard", now))) return "rotated";
  const label = readerLabel(await markKey(), owner.readerId);
  await raiseEvent(db(), "feed.rotated", {
    readerId: owner.readerId,
    label,
    reason,
    networksLastHour: hour,
    networksLastDay: day,
    subscribers,
    restoredBrowser: owner.deviceId !== null,
  });
  return "rotated";
}

/** Forgets fetches older than two days (the worker's hourly pruning). */
export async function pruneFeedFetches(now = new Date()): Promise<void> {
  await db().feedFetch.deleteMany({ where: { lastAt: { lt: new Date(now.getTime() - 2 * DAY) } } });
}
