import { LRUCache } from "lru-cache";
import { pageStore } from "@/lib/http/page-store";
import { readerSessionFromCookieValue } from "@/lib/readers/links";
import type { ReaderCookie } from "@/lib/readers/session";
import { grantFor, type Grant } from "@/lib/entitlements/check";

/**
 * The cheap entitlement check of the page cache's hot path (lib/entitlements/page-variant.ts):
 * a reader's valid cookie and their grant for a post, remembered for GRANT_TTL_MS after the
 * database said yes. Only yes is remembered — a reader who just paid is asked about again at
 * once — and never past a pass period's end. Every revocation the product makes goes through the
 * owner's admin (revoking a restore link or a leaker's purchases, going live), which drops the page
 * store in every instance (lib/admin/content.ts) and with it these entries (they carry the store's
 * generation). A row deleted behind the application's back is honoured within GRANT_TTL_MS.
 */
export const GRANT_TTL_MS = 10_000;

interface Entry<T> {
  value: T;
  generation: number;
  until: number;
}

const sessions = new LRUCache<string, Entry<ReaderCookie>>({ max: 50_000 });
const grants = new LRUCache<string, Entry<Grant>>({ max: 100_000 });

function fresh<T>(e: Entry<T> | undefined, now: number): T | undefined {
  return e && e.generation === pageStore.generation && now < e.until ? e.value : undefined;
}

/** readerSessionFromCookieValue, remembered while valid. */
export async function cachedSession(cookie: string | undefined, now = Date.now()): Promise<ReaderCookie | null> {
  if (!cookie) return null;
  const hit = fresh(sessions.get(cookie), now);
  if (hit) return hit;
  const generation = pageStore.generation;
  const session = await readerSessionFromCookieValue(cookie);
  if (session) sessions.set(cookie, { value: session, generation, until: now + GRANT_TTL_MS });
  return session;
}

/** grantFor, remembered while the answer is yes. */
export async function cachedGrant(readerId: string, article: { id: string; priceCents: number }, now = new Date()): Promise<Grant | null> {
  const key = `${readerId}|${article.id}`;
  const t = now.getTime();
  const hit = fresh(grants.get(key), t);
  if (hit) return hit;
  const generation = pageStore.generation;
  const grant = await grantFor(readerId, article, now);
  if (grant) grants.set(key, { value: grant, generation, until: Math.min(t + GRANT_TTL_MS, grant.endsAt?.getTime() ?? Infinity) });
  return grant;
}
