import { config, truthy } from "@/lib/config";

/**
 * The client IP for rate limits and per-address caps. X-Forwarded-For is only
 * believed behind a proxy we were told about (TRUST_PROXY=1): otherwise anyone
 * could forge it. Takes a Request, or the Headers a server component has.
 */
export function clientIp(src: Request | Headers): string {
  const headers = src instanceof Headers ? src : src.headers;
  if (truthy(config().TRUST_PROXY)) {
    // The last entry is the one our proxy appended; earlier ones came from the client.
    const fwd = headers.get("x-forwarded-for")?.split(",").pop()?.trim();
    if (fwd) return fwd;
    const real = headers.get("x-real-ip")?.trim();
    if (real) return real;
  }
  // scripts/server.ts writes the socket address here, overwriting anything a
  // client sent. Under a bare `next start` it is absent; Next.js then fills
  // X-Forwarded-For from the socket when the client did not send one.
  const peer = headers.get("x-paywall-peer")?.trim();
  if (peer) return peer;
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
