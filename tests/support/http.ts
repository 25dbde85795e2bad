/** Builds Requests for calling route handlers directly, the way Next.js calls them. */
export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  cookie?: string;
}

/** What server/main.ts adds to every request: the socket address and the key that vouches for it. */
export function peerHeaders(ip = "127.0.0.1"): Record<string, string> {
  return { "x-paywall-peer": ip, "x-paywall-peer-key": process.env.PAYWALL_PEER_KEY ?? "" };
}

export function makeRequest(method: string, path: string, opts: CallOptions = {}): Request {
  const headers: Record<string, string> = { ...peerHeaders(), ...(opts.headers ?? {}) };
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  if (opts.cookie) headers.cookie = opts.cookie;
  return new Request(`http://localhost:3000${path}`, { method, headers, body });
}

/**
 * A state-changing request from one of the site's own pages, as a browser sends it:
 * JSON, with an Origin naming the site (the reader routes refuse anything else).
 */
export function readerRequest(method: string, path: string, opts: CallOptions = {}): Request {
  return makeRequest(method, path, {
    ...opts,
    headers: { "content-type": "application/json", origin: "http://localhost:3000", ...(opts.headers ?? {}) },
  });
}

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response> | Response;

export async function call<P = Record<string, string>>(handler: Handler<P>, req: Request, params?: P) {
  const res = await handler(req, { params: Promise.resolve((params ?? {}) as P) });
  const text = await res.text();
  // The route's JSON, whatever its shape: tests read the fields they assert on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, text, headers: res.headers };
}

/** The "name=value" part of a Set-Cookie header, to send back as Cookie. */
export function cookieFrom(res: { headers: Headers }): string {
  const set = res.headers.get("set-cookie") ?? "";
  return set.split(";")[0];
}
