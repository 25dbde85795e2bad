import { createHmac, timingSafeEqual } from "node:crypto";
import { sign, unsign } from "cookie-signature";
import { newId } from "@/lib/ids";
import { setCookieHeader } from "@/lib/http/cookies";
import { sessionSecret } from "@/lib/http/session-secret";

/**
 * Anonymous readers: a random id in a signed, httpOnly cookie. Signing keeps a
 * reader from claiming someone else's purchases by editing the cookie.
 */
export const READER_COOKIE = "pw_reader";
const ONE_YEAR = 365 * 24 * 3600;
const READER_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function signReaderId(readerId: string, secret = sessionSecret()): string {
  return sign(`r.${readerId}`, secret);
}

/** The reader id inside a cookie value, or null when absent or tampered with. */
export function verifyReaderCookie(value: string | undefined | null, secret = sessionSecret()): string | null {
  if (!value) return null;
  const inner = unsign(value, secret);
  if (!inner || !inner.startsWith("r.")) return null;
  const id = inner.slice(2);
  return READER_ID.test(id) ? id : null;
}

export function newReaderId(): string {
  return newId(16);
}

export function readerCookieHeader(readerId: string, secure: boolean): string {
  return setCookieHeader(READER_COOKIE, signReaderId(readerId), { maxAgeSeconds: ONE_YEAR, sameSite: "lax", secure });
}

/**
 * Restore links: "<readerId>.<HMAC-SHA256 of "restore.<readerId>">" in base64url, so the
 * token is safe in a URL path (no "/" or "+"). The signed text differs from a
 * cookie's ("r.<id>"), so a cookie value is never a restore token and vice versa.
 * Verification also accepts the standard-base64 signature of older links.
 */
export function restoreToken(readerId: string, secret = sessionSecret()): string {
  return `${readerId}.${restoreMac(readerId, secret).toString("base64url")}`;
}

export function verifyRestoreToken(token: string | null | undefined, secret = sessionSecret()): string | null {
  if (!token) return null;
  const dot = token.lastIndexOf(".");
  const id = token.slice(0, dot);
  const sig = token.slice(dot + 1);
  if (dot < 0 || !READER_ID.test(id) || !/^[A-Za-z0-9+/_-]{43}$/.test(sig)) return null;
  const given = Buffer.from(sig, "base64"); // Node reads both base64 and base64url
  const expected = restoreMac(id, secret);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

function restoreMac(readerId: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`restore.${readerId}`).digest();
}
