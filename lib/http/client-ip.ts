import { sameSecret } from "@/lib/constant-time";
import { config, truthy } from "@/lib/config";

/**
 * The client IP for rate limits and per-address caps. X-Forwarded-For is only
 * believed behind a proxy we were told about (TRUST_PROXY=1): otherwise anyone
 * could forge it. Takes a Request, or the Headers a server component has.
 *
 * Route handlers cannot see the socket, so server/main.ts (what `npm start`
 * runs) writes the peer address into x-paywall-peer together with a random key
 * it made at start (PAYWALL_PEER_KEY in its environment). The header counts only
 * with that key: under a bare `next start` there is no key, a client-sent
 * x-paywall-peer is ignored, and so is X-Forwarded-For (Next.js passes a
 * client's value through) — every client is then one "unknown" address, which
 * errs towards limiting too much rather than letting anyone pick an address.
 */
export const PEER_HEADER = "x-paywall-peer";
export const PEER_KEY_HEADER = "x-paywall-peer-key";
export const UNKNOWN_ADDRESS = "unknown";

let warned = false;

export function clientIp(src: Request | Headers): string {
  const headers = src instanceof Headers ? src : src.headers;
  if (truthy(config().TRUST_PROXY)) {
    // The last entry is the one our proxy appended; earlier ones came from the client.
    // X-Real-IP is not read: a proxy that does not set it passes the client's own value through.
    const fwd = headers.get("x-forwarded-for")?.split(",").pop()?.trim();
    if (fwd) return fwd;
  }
  const peer = headers.get(PEER_HEADER)?.trim();
  if (peer && peerKeyMatches(headers.get(PEER_KEY_HEADER))) return peer;
  if (!warned && !process.env.PAYWALL_PEER_KEY) {
    warned = true;
    console.warn(
      "[paywall] Client addresses are unknown: the site was not started with `npm start` (server/main.ts) and TRUST_PROXY is off. " +
        "Per-address limits now treat every client as one address. Use `npm start`, or set TRUST_PROXY=1 behind your reverse proxy.",
    );
  }
  return UNKNOWN_ADDRESS;
}

function peerKeyMatches(given: string | null): boolean {
  const key = process.env.PAYWALL_PEER_KEY;
  if (!key || !given) return false;
  return sameSecret(given, key);
}
