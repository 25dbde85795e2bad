import http from "node:http";
import https from "node:https";
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * One notify request to a merchant: GET, 10 s, no redirects followed, at most
 * 4 KB of answer read. Unless the merchant allows private addresses, the host
 * must resolve to public unicast addresses only — checked in the socket's own
 * DNS lookup, so the address connected to is the address checked (no DNS
 * rebinding between a check and the connection).
 */
const TIMEOUT_MS = 10_000;
const MAX_BODY = 4096;

export interface NotifyAnswer {
  status: number;
  body: string;
}

export class NotifyRefused extends Error {}

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let a = ipaddr.parse(address);
  if (a instanceof ipaddr.IPv6 && a.isIPv4MappedAddress()) a = a.toIPv4Address();
  return a.range() === "unicast";
}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as dns.LookupAddress[];
      const bad = list.find((a) => !allowPrivate && !isPublicAddress(a.address));
      if (bad)
        return callback(new NotifyRefused(`${hostname} 解析到内网或本机地址 ${bad.address}，已拒绝（可在商户设置中允许内网地址）`), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

export function getUrl(url: string, allowPrivate: boolean): Promise<NotifyAnswer> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    // A literal IP never goes through lookup: check it here.
    const literal = u.hostname.replace(/^\[|\]$/g, "");
    if (ipaddr.isValid(literal) && !allowPrivate && !isPublicAddress(literal)) {
      return reject(new NotifyRefused(`${literal} 是内网或本机地址，已拒绝（可在商户设置中允许内网地址）`));
    }
    const lib = u.protocol === "https:" ? https : http;
    const req = lib.get(
      u,
      { lookup: guardedLookup(allowPrivate), timeout: TIMEOUT_MS, headers: { "user-agent": "paywall-gateway/1", accept: "*/*" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          body += c;
          if (body.length > MAX_BODY) res.destroy();
        });
        res.on("close", () => resolve({ status: res.statusCode ?? 0, body: body.slice(0, MAX_BODY) }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("超时（10 秒无响应）")));
    req.on("error", reject);
  });
}
