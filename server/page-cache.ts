import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { GATED_BODY_MARKER, pageStore, type PageVariant, type StoredPage } from "./page-store";
import { serveMarked } from "./marked-pages";
import { bodyCollector, replayHeaders } from "./response-copy";

/**
 * Whole-page caching of /posts/{slug} in the production server (server/main.ts),
 * in front of Next.js: a stored page is written straight to the socket, without
 * Next's routing or a React render. Every request still goes through the gate
 * (lib/entitlements/page-variant.ts) first, so the reader's own entitlement is
 * checked in the database for each "open" page served. A miss is rendered by
 * Next.js as usual and its bytes are kept when the response is a plain 200
 * HTML page and nothing changed meanwhile (page-store.ts explains the variants).
 * Only document requests are cached: client navigations (RSC requests), server
 * actions and anything with a query string go to Next.js untouched.
 */
const POST_PATH = /^\/posts\/([^/?#]+)$/;
const NEXT_REQUEST_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
];
const gzipAsync = promisify(gzip);

/** The slug of a cacheable document request, or null. */
export function cacheableSlug(req: IncomingMessage): string | null {
  if (req.method !== "GET") return null;
  const m = POST_PATH.exec(req.url ?? "");
  if (!m || NEXT_REQUEST_HEADERS.some((h) => h in req.headers)) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

export function requestHeaders(req: IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(", ") : v);
  return h;
}

// Scheme and host decide the absolute links in the page (canonical URL, JSON-LD) and HSTS.
const keyOf = (req: IncomingMessage, v: PageVariant) =>
  [req.headers["x-forwarded-proto"], req.headers["x-forwarded-host"], req.headers.host, req.url, v.variant, v.mark ? "marked" : ""].join(
    "|",
  );

/**
 * Serves the request from the store, or hands it to `next` (capturing the page
 * when it may be stored). Never throws: any failure of the gate means "render it".
 */
export async function servePage(req: IncomingMessage, res: ServerResponse, next: () => unknown): Promise<void> {
  const slug = cacheableSlug(req);
  const gate = pageStore.gate;
  if (slug === null || !gate) return void (await next());
  let headers: Headers;
  let variant: PageVariant | null;
  try {
    headers = requestHeaders(req);
    variant = await gate.variant(slug, headers);
  } catch {
    return void (await next());
  }
  if (!variant) return void (await next());
  // --- reader marks (issue 24): an entitled reader of a paid post gets the stored template filled with their mark.
  if (variant.mark) {
    const key = keyOf(req, variant);
    return serveMarked(req, res, next, variant, { key, countView: () => gate.countView(variant.articleId, headers), storableHeaders });
  }
  // --- end reader marks
  const key = keyOf(req, variant);
  const hit = pageStore.entries.get(key);
  if (hit && hit.generation === pageStore.generation) {
    gate.countView(variant.articleId, headers);
    return send(req, res, hit);
  }
  capture(res, key, variant, pageStore.generation);
  // Stored uncompressed; compressed once here, so the render must not be.
  delete req.headers["accept-encoding"];
  await next();
}

function send(req: IncomingMessage, res: ServerResponse, page: StoredPage): void {
  if (page.template) throw new Error("a marked page's template is never sent as is");
  const gz = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gz ? page.gzip : page.body;
  const headers: OutgoingHttpHeaders = { ...page.headers, "content-length": body.length };
  if (gz) headers["content-encoding"] = "gzip";
  res.writeHead(page.status, headers).end(body);
}

/** Copies what Next.js writes for this response and stores it when it ends, if it qualifies. */
function capture(res: ServerResponse, key: string, variant: PageVariant, generation: number): void {
  const { keep, body } = bodyCollector();
  let headArgs: OutgoingHttpHeaders = {};
  const { write, end, writeHead } = res;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const h = args.find((a, i) => i > 0 && a && typeof a === "object" && !Array.isArray(a));
    if (h) headArgs = { ...headArgs, ...(h as OutgoingHttpHeaders) };
    return writeHead.apply(this, args as Parameters<typeof writeHead>);
  } as typeof writeHead;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return write.apply(this, [chunk, ...rest] as Parameters<typeof write>);
  } as typeof write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== "function") keep(chunk, rest[0]);
    const out = end.apply(this, [chunk, ...rest] as Parameters<typeof end>);
    // A page that cannot be stored is rendered again next time; never an unhandled rejection in the server.
    store(res, key, variant, generation, { ...res.getHeaders(), ...headArgs }, body()).catch(() => {});
    return out;
  } as typeof end;
}

/** The headers a stored page replays, or null when the response may not be stored (status, cookie, type). */
function storableHeaders(status: number, raw: OutgoingHttpHeaders): StoredPage["headers"] | null {
  if (status !== 200 || raw["set-cookie"] || raw["content-encoding"]) return null;
  if (!String(raw["content-type"] ?? "").startsWith("text/html")) return null;
  return replayHeaders(raw);
}

async function store(
  res: ServerResponse,
  key: string,
  v: PageVariant,
  generation: number,
  raw: OutgoingHttpHeaders,
  body: Buffer,
): Promise<void> {
  const headers = storableHeaders(res.statusCode, raw);
  if (!headers) return;
  // Belt and braces: a paid post's anonymous page never holds its body; an "open" one shows it.
  const hasBody = body.includes(GATED_BODY_MARKER);
  if (v.paid && hasBody !== v.variant.startsWith("open")) return;
  const zipped = await gzipAsync(body);
  // An owner's write while this page rendered: it may show the old post.
  if (generation !== pageStore.generation) return;
  pageStore.entries.set(key, { status: 200, headers, body, gzip: zipped, generation, variant: v.variant });
}
