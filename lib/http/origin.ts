import { config, truthy } from "@/lib/config";

/**
 * The one place that decides what scheme and host a request reached us on.
 * X-Forwarded-Proto / X-Forwarded-Host are believed only behind a proxy we were
 * told about (TRUST_PROXY=1): without one, any client could send them (and
 * Next.js passes client-sent values through), e.g. to pass a CSRF host check.
 */
type HeaderSource = Request | Headers;

const headersOf = (src: HeaderSource) => (src instanceof Headers ? src : src.headers);
const urlOf = (src: HeaderSource) => (src instanceof Headers ? null : new URL(src.url));
const first = (v: string | null) => v?.split(",")[0]?.trim() || null;

function forwarded(src: HeaderSource, name: "proto" | "host"): string | null {
  return truthy(config().TRUST_PROXY) ? first(headersOf(src).get(`x-forwarded-${name}`)) : null;
}

export function isHttps(src: HeaderSource): boolean {
  const proto = forwarded(src, "proto");
  if (proto) return proto === "https";
  return urlOf(src)?.protocol === "https:";
}

/** host[:port] the client asked for. */
function siteHost(src: HeaderSource): string {
  return forwarded(src, "host") ?? headersOf(src).get("host") ?? urlOf(src)?.host ?? "localhost";
}

/** The site's public origin, for links shown to people (setup instructions, restore links). */
export function siteOrigin(src: HeaderSource): string {
  return `${isHttps(src) ? "https" : "http"}://${siteHost(src)}`;
}

/** True unless the browser says the request came from another site (CSRF check for cookie-authenticated POSTs). */
export function sameOrigin(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = req.headers.get("origin");
  if (!origin) return true; // non-browser clients send neither; they cannot ride a reader's cookie
  try {
    return new URL(origin).host === siteHost(req);
  } catch {
    return false;
  }
}

/**
 * The CSRF rule for state-changing reader routes (orders, events, restore, demo
 * payment), stricter than sameOrigin(): the body must be JSON — a form on another
 * site cannot send that without a CORS preflight we never answer — and the
 * browser must say the request came from this site: Sec-Fetch-Site
 * "same-origin", or, from browsers without it, an Origin naming this host. A
 * request with neither is refused too; scripts send `Origin: <the site>`.
 */
export function sameSiteJsonProblem(req: Request): { status: "type" | "site"; message: string } | null {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type.trim())) {
    return { status: "type", message: "请求必须是 JSON（Content-Type: application/json）。" };
  }
  const site = req.headers.get("sec-fetch-site");
  if (site) return site === "same-origin" ? null : { status: "site", message: "跨站请求被拒绝：请在本站页面内操作。" };
  const origin = req.headers.get("origin");
  if (!origin) return { status: "site", message: "请求缺少来源（Origin），已拒绝：请在本站页面内操作；脚本请带上 Origin: 本站地址。" };
  try {
    if (new URL(origin).host === siteHost(req)) return null;
  } catch {
    /* "null" or garbage */
  }
  return { status: "site", message: "跨站请求被拒绝：请在本站页面内操作。" };
}
