/**
 * A stand-in for a merchant's site (a card shop, a panel) written from the
 * published 易支付 / V免签 client behaviour, not from our server code: it
 * signs its requests itself, and its notify endpoint verifies our GET the way
 * the 彩虹 SDK / dujiaoka / SSPanel do, answering `success` or `fail`.
 */
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex");

/** 易支付: drop sign, sign_type, empty values; ksort; raw k=v joined by &; append the key; md5. */
export function epaySign(params: Record<string, string>, key: string): string {
  const str = Object.keys(params)
    .filter((k) => k !== "sign" && k !== "sign_type" && params[k] !== "")
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("&");
  return md5(str + key);
}

export interface MerchantSite {
  url: string;
  /** Every notify received: its query and whether its signature verified. */
  notifies: { path: string; query: Record<string, string>; valid: boolean }[];
  /** Answer 503 until set back to false (the site is "down"). */
  down: boolean;
  close(): Promise<void>;
}

/** `port`: listen where a closed site listened before (the site "comes back"). */
export async function startMerchantSite(protocol: "epay" | "vmq", key: () => string, port = 0): Promise<MerchantSite> {
  const site: Omit<MerchantSite, "url" | "close"> = { notifies: [], down: false };
  const server = http.createServer((req, res) => {
    if (site.down) return void res.writeHead(503).end("maintenance");
    const u = new URL(req.url ?? "/", "http://x");
    const q = Object.fromEntries(u.searchParams);
    const valid =
      req.method === "GET" &&
      (protocol === "epay"
        ? q.sign === epaySign(q, key()) && q.trade_status === "TRADE_SUCCESS" && q.sign_type === "MD5"
        : q.sign === md5(`${q.payId}${q.param}${q.type}${q.price}${q.reallyPrice}${key()}`));
    site.notifies.push({ path: u.pathname, query: q, valid });
    res.writeHead(200, { "content-type": "text/plain" }).end(valid ? "success" : "fail");
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  const bound = (server.address() as AddressInfo).port;
  return Object.assign(site, {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }) as MerchantSite;
}
