import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as orderStatus } from "@/app/api/orders/[id]/route";
import { registerDirectRoute, serveDirect } from "@/server/direct-routes";
import { makeArticle, makeQr } from "../support/db";
import { call, makeRequest } from "../support/http";
import { wechatReceipt } from "../support/notify";
import { order, pay, phoneOnline } from "../support/matching";

/** The custom server's direct answers (server/direct-routes.ts) against the same handlers called as Next.js calls them. */
let server: http.Server;
let base = "";
let passedOn: string[] = [];

beforeAll(async () => {
  registerDirectRoute("/api/health", health);
  registerDirectRoute("/api/orders/:id", orderStatus);
  server = http.createServer((req, res) => {
    void serveDirect(req, res, () => {
      passedOn.push(`${req.method} ${req.url}`);
      res.writeHead(418).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("GET /api/health and GET /api/orders/{id} without Next's router", () => {
  it("answers an order's status exactly as the route does, pending then paid, with the site's headers", async () => {
    const article = await makeArticle({ priceCents: 500 });
    await makeQr("wechat");
    await phoneOnline();
    const o = (await order(article.slug)).json;
    const direct = await fetch(`${base}/api/orders/${o.id}`);
    const viaNext = await call(orderStatus, makeRequest("GET", `/api/orders/${o.id}`), { id: o.id });
    const body = await direct.json();
    expect(direct.status).toBe(200);
    expect({ ...body, serverTime: 0 }).toEqual({ ...viaNext.json, serverTime: 0 });
    expect(body.status).toBe("pending");
    expect(direct.headers.get("cache-control")).toBe("private, no-store");
    expect(direct.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(direct.headers.get("x-content-type-options")).toBe("nosniff");
    expect(direct.headers.get("strict-transport-security")).toBeNull();
    // Nothing is cached in between: the next read after the commit says paid.
    await pay(wechatReceipt(o.amountCents));
    expect((await (await fetch(`${base}/api/orders/${o.id}`)).json()).status).toBe("paid");
  });

  it("keeps the route's errors and HSTS behind an HTTPS proxy", async () => {
    const missing = await fetch(`${base}/api/orders/no-such-order-123`, { headers: { "x-forwarded-proto": "https" } });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("order_not_found");
    expect(missing.headers.get("strict-transport-security")).toMatch(/max-age=/);
    const h = await fetch(`${base}/api/health`);
    expect(h.status).toBe(200);
    expect((await h.json()).ok).toBe(true);
  });

  it("leaves everything else to Next.js: other methods, sub-paths, trailing slashes", async () => {
    passedOn = [];
    await fetch(`${base}/api/orders/abcdefghijkl`, { method: "DELETE" });
    await fetch(`${base}/api/orders/abcdefghijkl/events`);
    await fetch(`${base}/api/health/`);
    await fetch(`${base}/api/healthz`);
    expect(passedOn).toEqual([
      "DELETE /api/orders/abcdefghijkl",
      "GET /api/orders/abcdefghijkl/events",
      "GET /api/health/",
      "GET /api/healthz",
    ]);
  });
});
