import ipaddr from "ipaddr.js";
import { truthy } from "@/lib/config";

/**
 * Where `npm start` listens. Behind a reverse proxy (TRUST_PROXY=1) the site
 * believes X-Forwarded-For, so anyone who reaches it directly, past the proxy,
 * could pick their own address for every per-address limit: it listens on
 * loopback only unless HOST says otherwise, and then the log warns when that
 * address is reachable from outside. Without a proxy it listens everywhere, as
 * before. Pure: server/main.ts passes its environment.
 */
export interface ListenPlan {
  host: string;
  /** Said at start when the choice deserves a second look. */
  warning: string | null;
}

export function listenHost(env: Record<string, string | undefined>): ListenPlan {
  const proxied = truthy(env.TRUST_PROXY ?? "");
  const host = env.HOST?.trim() || (proxied ? "127.0.0.1" : "0.0.0.0");
  if (!proxied || isLoopback(host)) return { host, warning: null };
  return {
    host,
    warning:
      `[paywall] TRUST_PROXY=1 but HOST=${host} is reachable from other machines: anyone who connects directly, past the proxy, ` +
      "can send their own X-Forwarded-For and choose their address for every per-address limit. Listen on 127.0.0.1 " +
      "(leave HOST unset), or let only the proxy reach this port (firewall).",
  };
}

function isLoopback(host: string): boolean {
  if (host === "localhost") return true;
  const bare = host.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return false;
  let a = ipaddr.parse(bare);
  if (a instanceof ipaddr.IPv6 && a.isIPv4MappedAddress()) a = a.toIPv4Address();
  return a.range() === "loopback";
}
