import { createHmac } from "node:crypto";
import { sameSecret } from "@/lib/constant-time";
import { sign, unsign } from "cookie-signature";
import { newId } from "@/lib/ids";
import { setCookieHeader } from "@/lib/http/cookies";
import { sessionSecret } from "@/lib/http/session-secret";

/**
 * Anonymous readers: a random id in a signed, httpOnly cookie. Signing keeps a
 * reader from taking over someone else's purchases by editing the cookie.
 * A device that took its purchases through a restore link carries which link
 * (generation) and a device id as well, so revoking the link signs it out
 * (lib/readers/links.ts): "r.<readerId>" or "r.<readerId>.<generation>.<deviceId>".
 */
export const READER_COOKIE = "pw_reader";
const ONE_YEAR = 365 * 24 * 3600;
const READER_ID = /^[A-Za-z0-9_-]{16,64}$/;
const DEVICE_ID = /^[A-Za-z0-9_-]{16,32}$/;
const GENERATION = /^(0|[1-9][0-9]{0,5})$/;

/** Through which restore link (generation) and as which device a browser took its reader id. */
export interface RestoredVia {
  generation: number;
  deviceId: string;
}

export interface ReaderCookie {
  readerId: string;
  via: RestoredVia | null;
}

export function signReaderId(readerId: string, secret = sessionSecret(), via: RestoredVia | null = null): string {
  return sign(via ? `r.${readerId}.${via.generation}.${via.deviceId}` : `r.${readerId}`, secret);
}

/** The reader (and restore link) inside a cookie value, or null when absent or tampered with. */
export function parseReaderCookie(value: string | undefined | null, secret = sessionSecret()): ReaderCookie | null {
  if (!value) return null;
  const inner = unsign(value, secret);
  if (!inner || !inner.startsWith("r.")) return null;
  const [id, generation, deviceId, ...rest] = inner.slice(2).split(".");
  if (!READER_ID.test(id) || rest.length) return null;
  if (generation === undefined) return { readerId: id, via: null };
  if (!GENERATION.test(generation) || !deviceId || !DEVICE_ID.test(deviceId)) return null;
  return { readerId: id, via: { generation: Number(generation), deviceId } };
}

/** The reader id inside a cookie value, or null. Does not check a restore link's revocation (links.ts does). */
export function verifyReaderCookie(value: string | undefined | null, secret = sessionSecret()): string | null {
  return parseReaderCookie(value, secret)?.readerId ?? null;
}

export function newReaderId(): string {
  return newId(16);
}

export function newDeviceId(): string {
  return newId(16);
}

export function readerCookieHeader(readerId: string, secure: boolean, via: RestoredVia | null = null): string {
  return setCookieHeader(READER_COOKIE, signReaderId(readerId, sessionSecret(), via), { maxAgeSeconds: ONE_YEAR, sameSite: "lax", secure });
}

/**
 * Restore links: "<readerId>.<HMAC-SHA256 of "restore.<readerId>">" in base64url for
 * generation 0, "<readerId>.<generation>.<HMAC of "restore.<readerId>.<generation>">" after
 * the owner revoked earlier ones. Safe in a URL path (no "/" or "+"). The signed text
 * differs from a cookie's ("r.<id>"), so a cookie value is never a restore token and vice
 * versa. Verification also accepts the standard-base64 signature of older links.
 */
export function restoreToken(readerId: string, secret = sessionSecret(), generation = 0): string {
  const mac = restoreMac(readerId, generation, secret).toString("base64url");
  return generation === 0 ? `${readerId}.${mac}` : `${readerId}.${generation}.${mac}`;
}

export interface RestoreTokenInfo {
  readerId: string;
  generation: number;
}

export function parseRestoreToken(token: string | null | undefined, secret = sessionSecret()): RestoreTokenInfo | null {
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 2 && parts.length !== 3) return null;
  const [id, sig] = [parts[0], parts[parts.length - 1]];
  const gen = parts.length === 3 ? parts[1] : "0";
  if (!READER_ID.test(id) || !GENERATION.test(gen) || (parts.length === 3 && gen === "0")) return null;
  if (!/^[A-Za-z0-9+/_-]{43}$/.test(sig)) return null;
  const given = Buffer.from(sig, "base64"); // Node reads both base64 and base64url
  const expected = restoreMac(id, Number(gen), secret);
  return sameSecret(given, expected) ? { readerId: id, generation: Number(gen) } : null;
}

export function verifyRestoreToken(token: string | null | undefined, secret = sessionSecret()): string | null {
  return parseRestoreToken(token, secret)?.readerId ?? null;
}

function restoreMac(readerId: string, generation: number, secret: string): Buffer {
  const text = generation === 0 ? `restore.${readerId}` : `restore.${readerId}.${generation}`;
  return createHmac("sha256", secret).update(text).digest();
}
