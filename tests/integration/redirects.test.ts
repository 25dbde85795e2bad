import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/admin/redirects/route";
import { DELETE as deleteRoute } from "@/app/api/admin/redirects/[id]/route";
import { PATCH as patchArticle } from "@/app/api/admin/articles/[slug]/route";
import { registerRedirectResolver, serveRedirect } from "@/server/redirect-hook";
import { findRedirect } from "@/lib/redirects/store";
import { makeArticle } from "../support/db";
import { enableAdmin } from "../support/admin";
import { adminCall } from "../support/products";
import { fixture, importUpload } from "../support/import";

/**
 * Old links: the production server's redirect hook (server/main.ts → server/redirect-hook.ts) with
 * the real resolver and database, in front of a stand-in for Next.js that answers 200 "next".
 */
let server: http.Server;
let base = "";

beforeAll(async () => {
  registerRedirectResolver(findRedirect);
  server = http.createServer((req, res) => void serveRedirect(req, res, () => res.writeHead(200).end("next")));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => enableAdmin());

const get = (path: string, method = "GET") => fetch(`${base}${path}`, { method, redirect: "manual" });

describe("old links", () => {
  it("answers imported permalinks with a 301 to the new post, with or without the trailing slash or a tracking query", async () => {
    await importUpload(fixture("wordpress/chinese-blog.wordpress.2024-06-01.xml"), "wp.xml");
    for (const path of [
      "/2024/05/raspberry-pi-nas/",
      "/2024/05/raspberry-pi-nas",
      "/2024/05/raspberry-pi-nas/?utm_source=weibo",
      "/?p=101",
      "/index.php?p=101",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(301);
      expect(res.headers.get("location")).toBe("/posts/raspberry-pi-nas");
    }
    expect((await get("/archives/88", "HEAD")).headers.get("location")).toBe("/posts/post-2287a85f");
  });

  it("leaves the home page and its own queries alone: a query redirects only when that exact query has one", async () => {
    await makeArticle({ slug: "target" });
    await adminCall(createRoute, "POST", "/api/admin/redirects", { from: "/?p=123", to: "target" });
    expect((await get("/?p=123")).status).toBe(301);
    for (const path of ["/", "/?page=2", "/?p=124", "/?p=123x"]) expect((await get(path)).status, path).toBe(200);
    // And the site's own machinery never asks the database.
    expect((await get("/api/health")).status).toBe(200);
  });

  it("lets the owner add and remove redirects, to a post (following its slug) or a path", async () => {
    await makeArticle({ slug: "new-home" });
    const created = await adminCall(createRoute, "POST", "/api/admin/redirects", {
      from: "https://old.example.cn/p/old-name.html",
      to: "new-home",
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ fromPath: "/p/old-name.html", to: "/posts/new-home", source: "owner" });
    expect((await get("/p/old-name.html")).headers.get("location")).toBe("/posts/new-home");
    // The post's slug changes: the redirect follows it.
    await adminCall(patchArticle, "PATCH", "/api/admin/articles/new-home", { slug: "renamed" }, { slug: "new-home" });
    expect((await get("/p/old-name.html")).headers.get("location")).toBe("/posts/renamed");
    const toPath = await adminCall(createRoute, "POST", "/api/admin/redirects", { from: "/feed/", to: "/feed.xml" });
    expect(toPath.status).toBe(201);
    expect((await get("/feed")).headers.get("location")).toBe("/feed.xml");
    const list = await adminCall(listRoute, "GET", "/api/admin/redirects");
    expect(list.json.items).toHaveLength(2);
    const removed = await adminCall(deleteRoute, "DELETE", `/api/admin/redirects/${created.json.id}`, undefined, { id: created.json.id });
    expect(removed.status).toBe(200);
    expect((await get("/p/old-name.html")).status).toBe(200);
  });

  it("refuses a redirect from the site's own addresses, to another site, to a missing post, or twice", async () => {
    await makeArticle({ slug: "exists" });
    const cases: [string, string, number][] = [
      ["/", "exists", 400],
      ["/admin", "exists", 400],
      ["/api/orders", "exists", 400],
      ["/old", "https://evil.example.com/", 400],
      ["/old", "no-such-post", 400],
    ];
    for (const [from, to, status] of cases)
      expect((await adminCall(createRoute, "POST", "/api/admin/redirects", { from, to })).status, `${from} → ${to}`).toBe(status);
    expect((await adminCall(createRoute, "POST", "/api/admin/redirects", { from: "/old", to: "exists" })).status).toBe(201);
    const again = await adminCall(createRoute, "POST", "/api/admin/redirects", { from: "/old/", to: "exists" });
    expect(again.status).toBe(409);
  });
});
