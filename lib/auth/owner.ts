import { sameSecret } from "@/lib/constant-time";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { clearCookieHeader, setCookieHeader } from "@/lib/http/cookies";
import { currentCredential, MIN_PASSWORD_LENGTH, type Credential } from "@/lib/auth/credential";
import { ADMIN_SESSION_SECONDS } from "@/lib/auth/sessions";

/**
 * Owner authentication: a password (ADMIN_PASSWORD, or the one chosen at
 * first-run setup; credential.ts) for the browser, with sessions in the
 * database (sessions.ts); ADMIN_TOKEN as a bearer token for scripts.
 */
export const ADMIN_COOKIE = "pw_admin";
export { ADMIN_SESSION_SECONDS, MIN_PASSWORD_LENGTH };

export async function adminConfigured(): Promise<boolean> {
  return (await currentCredential()) !== null;
}

/** The credential logins are checked against; 503 admin_not_configured when there is none. */
export async function requireCredential(): Promise<Credential> {
  const c = await currentCredential();
  if (!c) {
    throw new AppError(
      "admin_not_configured",
      `管理后台还没有设置密码：请打开 npm start 启动时打印的一次性设置链接（路径含 /admin/setup/），或设置至少 ${MIN_PASSWORD_LENGTH} 个字符的环境变量 ADMIN_PASSWORD 后重启。`,
    );
  }
  return c;
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
  return sameSecret(m[1], token);
}

/** `secure` when the request reached us over HTTPS (directly, or via a trusted proxy: lib/http/origin.ts). */
export function sessionCookie(token: string, secure: boolean): string {
  return setCookieHeader(ADMIN_COOKIE, token, { maxAgeSeconds: ADMIN_SESSION_SECONDS, sameSite: "strict", secure });
}

export function clearedSessionCookie(): string {
  return clearCookieHeader(ADMIN_COOKIE, "strict");
}
