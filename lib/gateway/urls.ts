import { AppError } from "@/lib/errors";

/**
 * Where a merchant's notify and return URLs may point: http(s) on one of the
 * merchant's allowed domains (the domain itself or a subdomain of it). The
 * address check against private networks happens when the notify is sent
 * (lib/http/outbound.ts), on the address actually connected to.
 */
export function hostAllowed(host: string, domains: string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  return domains.some((d) => h === d || h.endsWith(`.${d}`));
}

export function checkMerchantUrl(field: string, raw: string, domains: string[]): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new AppError("invalid_input", `${field} 不是有效的网址`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new AppError("invalid_input", `${field} 只能是 http 或 https 网址`);
  if (u.username || u.password) throw new AppError("invalid_input", `${field} 不能包含用户名或密码`);
  if (!hostAllowed(u.hostname, domains)) {
    throw new AppError("forbidden", `${field} 的域名 ${u.hostname} 不在该商户允许的域名中，请在后台「网关商户」里添加`);
  }
  return raw;
}

/** Appends a query to a URL the way 易支付 / V免签 servers do: `&` when it already has a `?`. */
export function withQuery(url: string, query: string): string {
  return url + (url.includes("?") ? "&" : "?") + query;
}

/** A domain as the owner types it: "shop.example.com", also pasted as a URL. */
export function normalizeDomain(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  const host = /^https?:\/\//.test(s) ? safeHost(s) : s.replace(/\/.*$/, "");
  if (!host || !/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$/.test(host) || host.startsWith("-")) return null;
  return host;
}

function safeHost(s: string): string | null {
  try {
    return new URL(s).hostname;
  } catch {
    return null;
  }
}
