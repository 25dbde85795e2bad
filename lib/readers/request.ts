import { getCookie } from "@/lib/http/handler";
import { READER_COOKIE, newReaderId, readerCookieHeader, verifyReaderCookie } from "@/lib/readers/session";
import { config, truthy } from "@/lib/config";
import { isHttps } from "@/lib/http/origin";

/** The reader behind a request, plus the Set-Cookie header when a new id was made. */
export function readerFromRequest(req: Request): { readerId: string; setCookie?: string } {
  const existing = verifyReaderCookie(getCookie(req, READER_COOKIE));
  if (existing) return { readerId: existing };
  const readerId = newReaderId();
  return { readerId, setCookie: readerCookieHeader(readerId, isHttps(req)) };
}

export function existingReader(req: Request): string | null {
  return verifyReaderCookie(getCookie(req, READER_COOKIE));
}

/**
 * The client IP for rate limits. X-Forwarded-For is only believed behind a
 * proxy we were told about (TRUST_PROXY=1): otherwise anyone could forge it.
 */
export function clientIp(req: Request): string {
  if (truthy(config().TRUST_PROXY)) {
    // The last entry is the one our proxy appended; earlier ones came from the client.
    const fwd = req.headers.get("x-forwarded-for")?.split(",").pop()?.trim();
    if (fwd) return fwd;
    const real = req.headers.get("x-real-ip")?.trim();
    if (real) return real;
  }
  // scripts/server.ts writes the socket address here, overwriting anything a
  // client sent. Under a bare `next start` it is absent; Next.js then fills
  // X-Forwarded-For from the socket when the client did not send one.
  const peer = req.headers.get("x-paywall-peer")?.trim();
  if (peer) return peer;
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
