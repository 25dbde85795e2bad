import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PATCH as patchArticle } from "@/app/api/admin/articles/[slug]/route";
import { PATCH as patchSettings } from "@/app/api/admin/settings/route";
import { db } from "@/lib/db/client";
import { closeBus, CONTENT_CHANNEL } from "@/lib/events/bus";
import { followContentChanges } from "@/lib/admin/content";
import { articlePageGate } from "@/lib/entitlements/page-variant";
import { servePage } from "@/server/page-cache";
import { forgetPages, GATED_BODY_MARKER, registerPageGate, storedPages } from "@/server/page-store";
import { makeArticle, makeQr } from "../support/db";
import { call, cookieFrom, peerHeaders } from "../support/http";
import { wechatReceipt } from "../support/notify";
import { admin, order, pay, phoneOnline } from "../support/matching";

/**
 * The page cache in front of Next.js (server/main.ts → server/page-cache.ts),
 * with the real gate and database. A stand-in for Next.js renders what the
 * article page would for the request: the body when the reader's entitlement
 * (checked here the same way) allows it, else the paywall — or, for the
 * "broken render" case, the body regardless.
 */
let renders = 0;
let leakOnPurpose = false;
let server: http.Server;
let base = "";

async function render(req: http.IncomingMessage, res: http.ServerResponse) {
  renders++;
  const slug = decodeURIComponent((req.url ?? "").split("/").pop()!.split("?")[0]);
  const v = await articlePageGate.variant(slug, new Headers(req.headers as Record<string, string>));
  const row = await db().article.findUnique({ where: { slug }, select: { title: true, teaser: true, body: true } });
  const open = leakOnPurpose || v?.variant.startsWith("open");
  const main = open ? `<div class="${GATED_BODY_MARKER}">${row?.body}</div>` : `<button>阅读全文</button>`;
  res.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
  });
  res.write(`<!doctype html><h1>${row?.title}</h1><p>${row?.teaser}</p>`);
  res.end(main);
}

beforeAll(async () => {
  registerPageGate(articlePageGate);
  server = http.createServer((req, res) => {
    Object.assign(req.headers, peerHeaders());
    void servePage(req, res, () => void render(req, res));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  forgetPages();
  renders = 0;
  leakOnPurpose = false;
});

const get = async (path: string, cookie?: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}${path}`, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
  return { res, text: await res.text() };
};
// A page is stored once its compressed copy is ready, a moment after the response ended.
const storedCount = (n: number) => expect.poll(() => storedPages().length, { timeout: 3000 }).toBe(n);

async function paidReader(slug: string) {
  await makeQr("wechat");
  await phoneOnline();
  const o = await order(slug);
  await pay(wechatReceipt(o.json.amountCents));
  return cookieFrom(o);
}

describe("the article page cache", () => {
  it("serves the anonymous page from memory after one render, and never with the gated body in it", async () => {
    const article = await makeArticle({ priceCents: 500 });
    const cookie = await paidReader(article.slug);
    const a = await get(`/posts/${article.slug}`);
    expect(a.text).toContain("公开的开头");
    expect(a.text).not.toContain("SECRET-BODY");
    await storedCount(1);
    // The entitled reader gets the body (their own variant), then anonymous requests again.
    expect((await get(`/posts/${article.slug}`, cookie)).text).toContain("SECRET-BODY");
    await storedCount(2);
    for (let i = 0; i < 3; i++) expect((await get(`/posts/${article.slug}`)).text).not.toContain("SECRET-BODY");
    expect(renders).toBe(2);
    const paywall = storedPages().filter((p) => p.page.variant.startsWith("paywall"));
    expect(paywall).toHaveLength(1);
    expect(paywall[0].page.body.toString()).not.toContain("SECRET-BODY");
    expect(paywall[0].page.gzip.length).toBeGreaterThan(0);
  });

  it("serves the stored page with the body only to a reader whose own entitlement is in the database now", async () => {
    const article = await makeArticle({ priceCents: 500 });
    const entitled = await paidReader(article.slug);
    expect((await get(`/posts/${article.slug}`, entitled)).text).toContain("SECRET-BODY");
    await storedCount(1);
    expect((await get(`/posts/${article.slug}`, entitled)).text).toContain("SECRET-BODY");
    expect(renders).toBe(1);
    // A reader with a cookie but without this post: rendered for them, never stored.
    const other = cookieFrom(await order((await makeArticle({ priceCents: 300 })).slug, { ip: "10.0.0.9" }));
    const theirs = await get(`/posts/${article.slug}`, other);
    expect(theirs.text).not.toContain("SECRET-BODY");
    expect(renders).toBe(2);
    expect(storedPages()).toHaveLength(1);
    // A forged cookie is no reader at all: the anonymous page.
    expect((await get(`/posts/${article.slug}`, "pw_reader=r.forged.sig")).text).not.toContain("SECRET-BODY");
    // The entitlement goes away (revoked, refunded): the very next request is refused the stored body.
    await db().entitlement.deleteMany({ where: { articleId: article.id } });
    expect((await get(`/posts/${article.slug}`, entitled)).text).not.toContain("SECRET-BODY");
    const anonymous = storedPages().filter((p) => p.page.variant.startsWith("paywall"));
    expect(anonymous.map((p) => p.page.body.toString()).join()).not.toContain("SECRET-BODY");
  });

  it("refuses to store an anonymous page of a paid post that shows its body", async () => {
    const article = await makeArticle({ priceCents: 500 });
    leakOnPurpose = true;
    await get(`/posts/${article.slug}`);
    await new Promise((r) => setTimeout(r, 200));
    expect(storedPages()).toHaveLength(0);
  });

  it("shows the owner's edit on the next request (post and settings writes drop every page)", async () => {
    const article = await makeArticle({ priceCents: 500, title: "旧标题" });
    expect((await get(`/posts/${article.slug}`)).text).toContain("旧标题");
    await storedCount(1);
    const res = await call(patchArticle, admin("PATCH", `/api/admin/articles/${article.slug}`, { title: "新标题" }), {
      slug: article.slug,
    });
    expect(res.status).toBe(200);
    expect(storedPages()).toHaveLength(0);
    expect((await get(`/posts/${article.slug}`)).text).toContain("新标题");
    expect((await call(patchSettings, admin("PATCH", "/api/admin/settings", { siteName: "新站名" }))).status).toBe(200);
    expect(storedPages()).toHaveLength(0);
    // A refused write changes nothing and keeps the pages.
    await get(`/posts/${article.slug}`);
    await storedCount(1);
    const bad = await call(patchArticle, admin("PATCH", `/api/admin/articles/${article.slug}`, { priceCents: -1 }), { slug: article.slug });
    expect(bad.status).toBe(400);
    expect(storedPages()).toHaveLength(1);
  });

  it("leaves client navigations, queries and unknown posts to Next.js", async () => {
    const article = await makeArticle({ priceCents: 500 });
    await get(`/posts/${article.slug}`, undefined, { rsc: "1" });
    await get(`/posts/${article.slug}?from=feed`);
    await get(`/posts/no-such-post`);
    expect(storedPages()).toHaveLength(0);
    expect(renders).toBe(3);
  });

  it("answers gzip from the stored page to a client that accepts it", async () => {
    const article = await makeArticle({ priceCents: 500 });
    await get(`/posts/${article.slug}`);
    await storedCount(1);
    const res = await new Promise<http.IncomingMessage>((r) =>
      http.get(`${base}/posts/${article.slug}`, { headers: { "accept-encoding": "gzip" } }, r),
    );
    res.resume();
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["cache-control"]).toContain("no-store");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)("on PostgreSQL, drops its pages when another instance's owner writes (NOTIFY)", async () => {
    followContentChanges();
    try {
      const article = await makeArticle({ priceCents: 500 });
      // Let the LISTEN connection come up (it forgets everything once when it does).
      await new Promise((r) => setTimeout(r, 500));
      await get(`/posts/${article.slug}`);
      await storedCount(1);
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      await other.query("SELECT pg_notify($1, '')", [CONTENT_CHANNEL]);
      await other.end();
      await expect.poll(() => storedPages().length, { timeout: 5000 }).toBe(0);
    } finally {
      await closeBus();
    }
  });
});
