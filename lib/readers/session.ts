import { sign, unsign } from "cookie-signature";
import { newId } from "@/lib/ids";
import { sessionSecret } from "@/lib/readers/secret";

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
  const attrs = [
    `${READER_COOKIE}=${encodeURIComponent(signReaderId(readerId))}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${ONE_YEAR}`,
  ];
  if (secure) attrs.push("Secure");
  return attrs.join("; ");
}

/** Restore links carry a differently-prefixed signature so a cookie value is not a restore token. */
export function restoreToken(readerId: string, secret = sessionSecret()): string {
  return sign(`restore.${readerId}`, secret).slice("restore.".length);
}

export function verifyRestoreToken(token: string | null | undefined, secret = sessionSecret()): string | null {
  if (!token) return null;
  const inner = unsign(`restore.${token}`, secret);
  if (!inner) return null;
  const id = inner.slice("restore.".length);
  return READER_ID.test(id) ? id : null;
}
