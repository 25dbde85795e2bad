import { getCookie } from "@/lib/http/cookies";
import { isHttps } from "@/lib/http/origin";
import { READER_COOKIE, newReaderId, readerCookieHeader } from "@/lib/readers/session";
import { readerFromCookieValue } from "@/lib/readers/links";

/**
 * The reader behind a request, plus the Set-Cookie header when a new id was made
 * (no cookie, a forged one, or one from a revoked restore link).
 */
export async function readerFromRequest(req: Request): Promise<{ readerId: string; setCookie?: string }> {
  const existing = await existingReader(req);
  if (existing) return { readerId: existing };
  const readerId = newReaderId();
  return { readerId, setCookie: readerCookieHeader(readerId, isHttps(req)) };
}

export async function existingReader(req: Request): Promise<string | null> {
  return readerFromCookieValue(getCookie(req, READER_COOKIE));
}
