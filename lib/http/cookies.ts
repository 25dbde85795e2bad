import { parse, serialize } from "cookie";

/**
 * Cookies, through the `cookie` package: one way to read a request's cookie
 * and one way to write a Set-Cookie header. Every cookie here is httpOnly and
 * site-wide; `secure` follows how the request reached us (origin.ts isHttps).
 */
export interface CookieOptions {
  maxAgeSeconds: number;
  sameSite: "lax" | "strict";
  secure: boolean;
}

export function setCookieHeader(name: string, value: string, o: CookieOptions): string {
  return serialize(name, value, { path: "/", httpOnly: true, sameSite: o.sameSite, maxAge: o.maxAgeSeconds, secure: o.secure });
}

export function clearCookieHeader(name: string, sameSite: CookieOptions["sameSite"]): string {
  return setCookieHeader(name, "", { maxAgeSeconds: 0, sameSite, secure: false });
}

/** The named cookie's value, or undefined (also for a value with broken percent-encoding). */
export function getCookie(src: Request | Headers, name: string): string | undefined {
  const header = (src instanceof Headers ? src : src.headers).get("cookie");
  if (!header) return undefined;
  try {
    return parse(header)[name];
  } catch {
    return undefined;
  }
}
