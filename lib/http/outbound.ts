import http from "node:http";
import https from "node:https";
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Every request the server makes to someone else's URL (merchant notifies,
 * alert senders) goes through here:
 * - a hard overall deadline — connect, headers and body together — so an
 *   endpoint that answers 200 and then trickles a byte every few seconds
 *   cannot hold the worker (a socket timeout alone restarts with every byte);
 * - unless the owner allowed private addresses for it, the host must resolve
 *   to public unicast addresses only, checked in the socket's own DNS lookup
 *   (the address connected to is the address checked: no DNS rebinding
 *   between a check and the connection); a literal IP is checked directly;
 * - no redirects followed; at most `maxBody` bytes of the answer read.
 */
export const OUTBOUND_DEADLINE_MS = 15_000;

export interface OutboundRequest {
  method: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  body?: string;
  allowPrivate: boolean;
  deadlineMs?: number;
  maxBody?: number;
}

export interface OutboundAnswer {
  status: number;
  body: string;
}

/** Why a request failed, in words for the owner: `timeout` and `refused` (the address guard) are our own. */
export class OutboundError extends Error {
  constructor(
    readonly kind: "timeout" | "refused" | "network",
    message: string,
  ) {
    super(message);
  }
}

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let a = ipaddr.parse(address);
  if (a instanceof ipaddr.IPv6 && a.isIPv4MappedAddress()) a = a.toIPv4Address();
  return a.range() === "unicast";
}

export const PRIVATE_HINT = "（如确需发往本机或内网，请勾选「允许内网地址」）";

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as dns.LookupAddress[];
      const bad = list.find((a) => !allowPrivate && !isPublicAddress(a.address));
      if (bad)
        return callback(new OutboundError("refused", `${hostname} 解析到内网或本机地址 ${bad.address}，已拒绝${PRIVATE_HINT}`), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

/** Refuses a URL the guard would refuse, before anything is sent (for checks at configuration time too). */
export function refuseLiteralPrivate(url: URL, allowPrivate: boolean): void {
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && /^localhost\.?$/i.test(literal)) throw new OutboundError("refused", `localhost 是本机地址，已拒绝${PRIVATE_HINT}`);
  if (ipaddr.isValid(literal) && !allowPrivate && !isPublicAddress(literal)) {
    throw new OutboundError("refused", `${literal} 是内网或本机地址，已拒绝${PRIVATE_HINT}`);
  }
}

export function send(r: OutboundRequest): Promise<OutboundAnswer> {
  const deadline = r.deadlineMs ?? OUTBOUND_DEADLINE_MS;
  const maxBody = r.maxBody ?? 64 * 1024;
  return new Promise((resolve, reject) => {
    let u: URL;
    try {
      u = new URL(r.url);
      if (u.protocol !== "http:" && u.protocol !== "https:") throw new OutboundError("refused", "只能发往 http 或 https 网址");
      refuseLiteralPrivate(u, r.allowPrivate);
    } catch (e) {
      return reject(e instanceof OutboundError ? e : new OutboundError("refused", "不是有效的网址"));
    }
    const lib = u.protocol === "https:" ? https : http;
    const req = lib.request(u, {
      method: r.method,
      lookup: guardedLookup(r.allowPrivate),
      headers: { "user-agent": "paywall/1", accept: "*/*", ...(r.headers ?? {}) },
    });
    let settled = false;
    const finish = (e: Error | null, answer?: OutboundAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (e) reject(e instanceof OutboundError ? e : new OutboundError("network", networkReason(e)));
      else resolve(answer!);
    };
    // The whole exchange, not the socket's idle time: a trickling answer is cut here.
    const timer = setTimeout(() => {
      finish(new OutboundError("timeout", `超时（${deadline / 1000} 秒内未完成）`));
      req.destroy();
    }, deadline);
    req.on("error", (e) => finish(e));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        if (size < maxBody) chunks.push(c);
        size += c.length;
        // Enough read: the rest is not ours to wait for.
        if (size >= maxBody) res.destroy();
      });
      res.on("error", (e) => finish(e));
      res.on("close", () =>
        finish(null, { status: res.statusCode ?? 0, body: Buffer.concat(chunks).subarray(0, maxBody).toString("utf8") }),
      );
    });
    req.end(r.body);
  });
}

function networkReason(e: Error): string {
  const code = (e as { code?: string }).code;
  return `无法连接：${code ?? e.message.slice(0, 80)}`;
}
