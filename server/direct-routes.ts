import type { IncomingMessage, ServerResponse } from "node:http";
import { INTERNAL_ERROR_MESSAGE } from "../lib/errors";
import { securityHeaders } from "../lib/http/security-headers.mjs";
import { requestHeaders } from "./page-cache";

/**
 * The two reads that are polled hardest — GET /api/health (monitors, the phone's
 * setup page) and GET /api/orders/{id} (every paying reader, while the event
 * stream is down) — are answered by the production server (server/main.ts)
 * calling the route's own exported GET, without Next's router in between: its
 * per-request routing, header rules and request wrapping cost several times the
 * handler itself (docs/performance.md). The handler is the one in app/ (registered
 * by instrumentation.ts), so both doors give the same answer; the headers Next
 * would add from next.config.js (security headers, `private, no-store` on /api) are
 * added here. Anything but an exact GET of these paths goes to Next.js as before.
 */
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
interface DirectRoute {
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

const g = globalThis as unknown as { __paywallDirect?: DirectRoute[] };
const routes: DirectRoute[] = (g.__paywallDirect ??= []);

/** `path` like "/api/orders/:id": a named segment matches one path segment. */
export function registerDirectRoute<P>(
  path: string,
  handle: (req: Request, ctx: { params: Promise<P> }) => Promise<Response> | Response,
): void {
  // The params object is built from the path's :names, which is what P names.
  const handler = handle as unknown as Handler;
  const names: string[] = [];
  const source = path.replace(/:(\w+)/g, (_, name: string) => (names.push(name), "([^/]+)"));
  const i = routes.findIndex((r) => r.pattern.source === `^${source}$`);
  const route = { pattern: new RegExp(`^${source}$`), names, handler };
  if (i >= 0) routes[i] = route;
  else routes.push(route);
}

function match(pathname: string): { route: DirectRoute; params: Record<string, string> } | null {
  for (const route of routes) {
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    try {
      return { route, params: Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
    } catch {
      return null;
    }
  }
  return null;
}

/** Answers a registered GET here, or hands the request to `next`. */
export async function serveDirect(req: IncomingMessage, res: ServerResponse, next: () => unknown, dev = false): Promise<void> {
  const found = req.method === "GET" ? match((req.url ?? "/").split("?")[0]) : null;
  if (!found) return void (await next());
  let request: Request;
  try {
    request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, { headers: requestHeaders(req) });
  } catch {
    return void (await next()); // a Host header no URL can hold: let Next.js answer it as it always did
  }
  let response: Response;
  let body: Buffer;
  try {
    // The handlers are the door's (lib/http/door): every failure they foresee is already an { error } response.
    response = await found.route.handler(request, { params: Promise.resolve(found.params) });
    body = Buffer.from(await response.arrayBuffer());
  } catch (e) {
    console.error(`[error] GET ${found.route.pattern.source}`, e);
    response = Response.json({ error: { code: "internal", message: INTERNAL_ERROR_MESSAGE } }, { status: 500 });
    body = Buffer.from(await response.arrayBuffer());
  }
  const headers: Record<string, string> = {
    ...securityHeaders({ https: req.headers["x-forwarded-proto"] === "https", dev }),
    "cache-control": "private, no-store",
  };
  response.headers.forEach((v, k) => (headers[k] = v));
  res.writeHead(response.status, { ...headers, "content-length": body.length }).end(body);
}
