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
