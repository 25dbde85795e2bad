import { getCookie } from "@/lib/http/cookies";
import { isHttps } from "@/lib/http/origin";
import { READER_COOKIE, newReaderId, readerCookieHeader } from "@/lib/readers/session";
import { readerFromCookieValue, readerSessionFromCookieValue } from "@/lib/readers/links";
import type { ReaderCookie } from "@/lib/readers/session";

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

/** The reader and the restore link/device behind this browser's cookie (null: no valid reader). */
export async function existingSession(req: Request): Promise<ReaderCookie | null> {
  return readerSessionFromCookieValue(getCookie(req, READER_COOKIE));
}
