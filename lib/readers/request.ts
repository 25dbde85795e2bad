import { getCookie } from "@/lib/http/cookies";
import { isHttps } from "@/lib/http/origin";
import { READER_COOKIE, newReaderId, readerCookieHeader, verifyReaderCookie } from "@/lib/readers/session";

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
