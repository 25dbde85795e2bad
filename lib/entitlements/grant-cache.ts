import { LRUCache } from "lru-cache";
import { registerCache } from "@/lib/process-caches";
import { readerSessionFromCookieValue } from "@/lib/readers/links";
import type { ReaderCookie } from "@/lib/readers/session";
import { grantFor, type Grant } from "@/lib/entitlements/check";

/**
 * The cheap entitlement check of the page cache's hot path (lib/entitlements/page-variant.ts):
 * a reader's valid cookie and their grant for a post, remembered for GRANT_TTL_MS after the
 * database said yes. Only yes is remembered — a reader who just paid is asked about again at
 * once — and never past a pass period's end. Every revocation the product makes goes through the
 * owner's admin (revoking a restore link or a leaker's purchases, going live), whose write drops
 * every content cache in every instance (lib/admin/content.ts, lib/process-caches.ts) and these
 * entries with them. A row deleted behind the application's back is honoured within GRANT_TTL_MS.
 */
export const GRANT_TTL_MS = 10_000;

interface Entry<T> {
  value: T;
  generation: number;
  until: number;
}

interface Store {
  generation: number;
  sessions: LRUCache<string, Entry<ReaderCookie>>;
  grants: LRUCache<string, Entry<Grant>>;
}

// On globalThis: Next.js may load this module once per route bundle, and an owner's write must clear every copy's entries.
const g = globalThis as unknown as { __paywallGrants?: Store };
const store = (g.__paywallGrants ??= {
  generation: 0,
  sessions: new LRUCache<string, Entry<ReaderCookie>>({ max: 50_000 }),
  grants: new LRUCache<string, Entry<Grant>>({ max: 100_000 }),
});

function fresh<T>(e: Entry<T> | undefined, now: number): T | undefined {
  return e && e.generation === store.generation && now < e.until ? e.value : undefined;
}

/** readerSessionFromCookieValue, remembered while valid. */
export async function cachedSession(cookie: string | undefined, now = Date.now()): Promise<ReaderCookie | null> {
  if (!cookie) return null;
  const hit = fresh(store.sessions.get(cookie), now);
  if (hit) return hit;
  const generation = store.generation;
  const session = await readerSessionFromCookieValue(cookie);
  if (session && generation === store.generation) store.sessions.set(cookie, { value: session, generation, until: now + GRANT_TTL_MS });
  return session;
}

/** grantFor, remembered while the answer is yes. */
export async function cachedGrant(readerId: string, article: { id: string; priceCents: number }, now = new Date()): Promise<Grant | null> {
  const key = `${readerId}|${article.id}`;
  const t = now.getTime();
  const hit = fresh(store.grants.get(key), t);
  if (hit) return hit;
  const generation = store.generation;
  const grant = await grantFor(readerId, article, now);
  // A revocation while the database answered: the answer may predate it, so it is used once and not kept.
  if (grant && generation === store.generation) {
    store.grants.set(key, { value: grant, generation, until: Math.min(t + GRANT_TTL_MS, grant.endsAt?.getTime() ?? Infinity) });
  }
  return grant;
}

/** Drops every remembered yes: the owner changed something (a revocation among it), in this process or another. */
export function forgetGrants(): void {
  store.generation++;
  store.sessions.clear();
  store.grants.clear();
}
registerCache("reader-grants", { forget: forgetGrants, content: true });
