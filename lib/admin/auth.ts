import { createHmac, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { sign, unsign } from "cookie-signature";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { clearCookieHeader, setCookieHeader } from "@/lib/http/cookies";
import { sessionSecret } from "@/lib/http/session-secret";

/**
 * Owner authentication: ADMIN_PASSWORD (there is no default) for the browser,
 * ADMIN_TOKEN as a bearer token for scripts. Sessions are signed cookies that
 * carry their expiry and are bound to the password, so changing the password
 * logs every session out.
 */
export const ADMIN_COOKIE = "pw_admin";
export const ADMIN_SESSION_SECONDS = 12 * 3600;

const salt = randomBytes(16);
let hashed: { password: string; hash: Buffer } | undefined;

function passwordHash(password: string): Buffer {
  if (hashed?.password !== password) hashed = { password, hash: scryptSync(password, salt, 32) };
  return hashed.hash;
}

/** The admin faces the internet: a password shorter than this is treated as not set. */
export const MIN_PASSWORD_LENGTH = 8;

export function adminConfigured(): boolean {
  return (config().ADMIN_PASSWORD?.length ?? 0) >= MIN_PASSWORD_LENGTH;
}

export function requireAdminConfigured(): string {
  const pw = config().ADMIN_PASSWORD;
  if (!pw || pw.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      "admin_not_configured",
      `管理后台未启用：请设置至少 ${MIN_PASSWORD_LENGTH} 个字符的环境变量 ADMIN_PASSWORD（例如 ADMIN_PASSWORD='一个足够长的密码' npm start）后重启。`,
    );
  }
  return pw;
}

/** Constant-time check of a login attempt against the scrypt hash of ADMIN_PASSWORD. */
export function checkPassword(attempt: string): boolean {
  const expected = passwordHash(requireAdminConfigured());
  return timingSafeEqual(scryptSync(attempt, salt, 32), expected);
}

/** A bearer token faces the internet without a login limit per guess: shorter than this is treated as not set. */
const MIN_TOKEN_LENGTH = 24;
let warnedShortToken = false;

/** ADMIN_TOKEN when it is long enough to be used, else undefined (warns once per process). */
export function adminToken(): string | undefined {
  const token = config().ADMIN_TOKEN;
  if (!token) return undefined;
  if (token.length < MIN_TOKEN_LENGTH) {
    if (!warnedShortToken) {
      warnedShortToken = true;
      console.warn(
        `ADMIN_TOKEN is ignored: it has ${token.length} characters, at least ${MIN_TOKEN_LENGTH} are required (e.g. openssl rand -hex 16).`,
      );
    }
    return undefined;
  }
  return token;
}

export function checkBearer(header: string | null): boolean {
  const token = adminToken();
  const m = header && /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!token || !m) return false;
  const a = createHmac("sha256", "bearer").update(m[1]).digest();
  const b = createHmac("sha256", "bearer").update(token).digest();
  return timingSafeEqual(a, b);
}

function binding(): string {
  // Ties sessions to the current password without storing it in the cookie.
  return createHmac("sha256", sessionSecret())
    .update(`admin:${config().ADMIN_PASSWORD ?? ""}`)
    .digest("base64url")
    .slice(0, 16);
}

export function newSessionValue(now = Date.now()): string {
  const exp = now + ADMIN_SESSION_SECONDS * 1000;
  return sign(`a.${exp}.${binding()}`, sessionSecret());
}

export function verifySessionValue(value: string | undefined | null, now = Date.now()): boolean {
  if (!value || !adminConfigured()) return false;
  const inner = unsign(value, sessionSecret());
  if (!inner) return false;
  const [tag, exp, bound] = inner.split(".");
  return tag === "a" && Number(exp) > now && bound === binding();
}

export function sessionCookie(value: string, secure: boolean): string {
  return setCookieHeader(ADMIN_COOKIE, value, { maxAgeSeconds: ADMIN_SESSION_SECONDS, sameSite: "strict", secure });
}

export function clearedSessionCookie(): string {
  return clearCookieHeader(ADMIN_COOKIE, "strict");
}
