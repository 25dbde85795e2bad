import type { IncomingMessage, ServerResponse } from "node:http";
import { securityHeaders } from "../lib/http/security-headers.mjs";

/**
 * Old addresses (imported permalinks, the owner's redirects) answered with a 301
 * by the production server (server/main.ts) before the page cache and Next.js —
 * also "/?p=123", which would otherwise be the home page: the resolver only
 * answers for a query it has a redirect for, so "/?page=2" stays the home page.
 * Plain Node like page-store.ts; the lookup itself is the redirects domain's
 * (lib/redirects/store.ts, reading the database), handed over by instrumentation.ts
 * through globalThis, since lib/ never imports server/.
 */
type Resolver = (url: string) => Promise<string | null>;
const g = globalThis as unknown as { __paywallRedirectResolver?: Resolver };

export function registerRedirectResolver(resolve: Resolver): void {
  g.__paywallRedirectResolver = resolve;
}

// The site's own machinery is never redirected: skip it without a lookup.
const NEVER = /^\/(_next|api|admin|media)\//;

export async function serveRedirect(req: IncomingMessage, res: ServerResponse, next: () => unknown, dev = false): Promise<void> {
  const resolve = g.__paywallRedirectResolver;
  const url = req.url ?? "/";
  if (!resolve || (req.method !== "GET" && req.method !== "HEAD") || NEVER.test(url)) return void (await next());
  let to: string | null = null;
  try {
    to = await resolve(url);
  } catch (e) {
    // A database hiccup must not take the page down: serve what was asked.
    console.error(`[redirects] ${url}`, e);
  }
  if (!to) return void (await next());
  res
    .writeHead(301, {
      ...securityHeaders({ https: req.headers["x-forwarded-proto"] === "https", dev }),
      location: to,
      // Browsers keep a 301 for good unless told otherwise: an hour, so a removed redirect does not linger.
      "cache-control": "public, max-age=3600",
      "content-length": 0,
    })
    .end();
}
