/**
 * Every per-process cache registers itself here when its module loads, so nothing has to know
 * them by name: the owner's writes drop the ones built from the site's content in one call
 * (lib/admin/content.ts), and the integration tests' setup forgets all of them before each test
 * (tests/support/integration-setup.ts). A cache whose module never loaded holds nothing.
 * The registry lives on globalThis: the production server loads some modules twice (its own copy
 * and the Next.js bundle's), and both copies must land in one list.
 */
export interface ProcessCache {
  /** Empties the cache (may be async: the in-memory rate limiter resets its counters). */
  forget: () => void | Promise<void>;
  /** Built from what the owner writes (posts, series, passes, settings): dropped by every owner write. */
  content?: boolean;
}

const g = globalThis as unknown as { __paywallCaches?: Map<string, ProcessCache> };
const caches: Map<string, ProcessCache> = (g.__paywallCaches ??= new Map());

/** Called once at the top level of the module that owns the cache; a second copy of the module replaces the first. */
export function registerCache(name: string, cache: ProcessCache): void {
  caches.set(name, cache);
}

/** Drops what readers' pages are built from: the owner changed something (lib/admin/content.ts). */
export function forgetContentCaches(): void {
  for (const c of caches.values()) if (c.content) void c.forget();
}

/** Forgets every registered cache (the test setup, between tests). */
export async function forgetAllCaches(): Promise<void> {
  for (const c of caches.values()) await c.forget();
}

/** The names registered so far, for a test that checks its setup forgets them all. */
export function registeredCaches(): string[] {
  return [...caches.keys()];
}
