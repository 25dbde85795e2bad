import { LRUCache } from "lru-cache";
import { registerCache } from "../lib/process-caches";
import type { PageGate } from "../lib/entitlements/page-variant";

export type { PageGate, PageVariant } from "../lib/entitlements/page-variant";

/**
 * The process's store of rendered article pages (whole HTML), read by
 * the production server before a request reaches Next.js (server/page-cache.ts).
 * Plain Node on purpose: the custom server loads it outside Next's bundle, so it
 * imports nothing that needs the react-server condition; the bundle side (the
 * gate in lib/entitlements/page-variant.ts, the owner's writes) reaches the same
 * store through globalThis.
 *
 * An entry is keyed by (scheme, host, path, variant). The variant comes from the
 * gate, which runs for every request, hit or miss: "paywall" (no reader, post not
 * readable: the anonymous page) or "open" (this request's reader may read the whole
 * post, checked in the database for this request). Everything a reader sees that
 * is theirs alone (an open payment report) makes the gate answer null: rendered by
 * Next.js as before, never stored. Entries live in this process's memory only, so
 * sites started from one build never see each other's pages.
 */
export const PAGE_TTL_MS = 10_000;
const MAX_BYTES = 64 * 1024 * 1024;

/** What the rendered body of a post looks like in the HTML (components/post-reader-part.tsx); never in a "paywall" entry. */
export const GATED_BODY_MARKER = "prose-article paywalled-content";

export interface StoredPage {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  gzip: Buffer;
  generation: number;
  variant: string;
}

interface Store {
  generation: number;
  entries: LRUCache<string, StoredPage>;
  gate: PageGate | null;
}

const g = globalThis as unknown as { __paywallPages?: Store };
export const pageStore: Store = (g.__paywallPages ??= {
  generation: 0,
  entries: new LRUCache<string, StoredPage>({
    maxSize: MAX_BYTES,
    sizeCalculation: (p) => p.body.length + p.gzip.length + 1,
    ttl: PAGE_TTL_MS,
  }),
  gate: null,
});

/** Called once by the server process's start-up (instrumentation.ts). */
export function registerPageGate(gate: PageGate): void {
  pageStore.gate = gate;
}

/** Something every page may show changed (a post, a series, a pass, the settings): drop every page now. */
export function forgetPages(): void {
  pageStore.generation++;
  pageStore.entries.clear();
}
registerCache("article-pages", { forget: forgetPages, content: true });

/** Every stored page (for the tests that prove no gated text is in an anonymous entry). */
export function storedPages(): Array<{ key: string; page: StoredPage }> {
  return [...pageStore.entries.entries()].map(([key, page]) => ({ key, page }));
}
