import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./support/browser";
import { adminApi, createPost, notify } from "./support/site";
import { receiptText } from "../../lib/notify/receipt-text";

/**
 * The article page cache of the production server (server/main.ts →
 * server/page-cache.ts): what anonymous requests, other readers and the
 * entitled reader get, the owner's edits, and the two sites the suite runs from
 * one build.
 */
const live = inject("liveUrl");
const demo = inject("demoUrl");
const POST = { slug: "page-cache-e2e", title: "页面缓存测试", priceCents: 800 };
const TEASER = "页面缓存测试的公开开头";
const GATED = "页面缓存测试付费之后才有的正文";
let browser: Browser;

async function buyer(slug: string, pay: boolean): Promise<string> {
  const res = await fetch(`${live}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: live },
    body: JSON.stringify({ slug, channel: "wechat" }),
  });
  expect(res.status).toBe(201);
  const o = (await res.json()) as { id: string; amountCents: number };
  if (pay) expect((await notify(live, receiptText("wechat", o.amountCents))).result).toBe("matched");
  return res.headers.get("set-cookie")!.split(";")[0];
}

const page = async (base: string, cookie?: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}/posts/${POST.slug}`, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
  return { res, html: await res.text() };
};

beforeAll(async () => {
  browser = await launchBrowser();
  await notify(live, { type: "heartbeat" });
  await createPost(live, { ...POST, markdown: `${TEASER}\n\n<!-- more -->\n\n${GATED}` });
});
afterAll(async () => browser?.close());

describe("the article page cache", () => {
  it("gives the gated body only to the entitled reader: never to anonymous requests, other readers, or RSC requests", async () => {
    const entitled = await buyer(POST.slug, true);
    const other = await buyer("tea-and-time", false);
    for (let i = 0; i < 3; i++) {
      // Interleaved, so the stored pages of both variants are warm while the others ask.
      const own = await page(live, entitled);
      expect(own.html).toContain(GATED);
      expect(own.res.headers.get("cache-control")).toMatch(/private/);
      expect(own.res.headers.get("cache-control")).toMatch(/no-store/);
      const anon = await page(live);
      expect(anon.html).toContain(TEASER);
      expect(anon.html).not.toContain(GATED);
      expect(anon.res.headers.get("cache-control")).not.toMatch(/public|s-maxage/);
      const gz = await page(live, undefined, { "accept-encoding": "gzip" });
      expect(gz.html).not.toContain(GATED);
      expect((await page(live, other)).html).not.toContain(GATED);
      expect((await page(live, undefined, { rsc: "1" })).html).not.toContain(GATED);
      expect((await page(live, "pw_reader=forged")).html).not.toContain(GATED);
    }
  });

  it("shows the owner's edit on the very next request, in both variants", async () => {
    const entitled = await buyer(POST.slug, true);
    await page(live);
    await page(live, entitled);
    const res = await adminApi(live, "PATCH", `/api/admin/articles/${POST.slug}`, { title: "页面缓存测试（已修改）" });
    expect(res.status).toBe(200);
    expect((await page(live)).html).toContain("页面缓存测试（已修改）");
    expect((await page(live, entitled)).html).toContain("页面缓存测试（已修改）");
    await adminApi(live, "PATCH", `/api/admin/articles/${POST.slug}`, { title: POST.title });
  });

  it("keeps the two sites started from one build apart (each its own post under the same path)", async () => {
    await createPost(demo, { slug: POST.slug, title: "演示站的同名文章", priceCents: 0, markdown: "演示站自己的内容" });
    for (let i = 0; i < 3; i++) {
      const a = await page(live);
      const b = await page(demo);
      expect(a.html).toContain(POST.title);
      expect(a.html).not.toContain("演示站的同名文章");
      expect(b.html).toContain("演示站的同名文章");
      expect(b.html).not.toContain(TEASER);
    }
  });

  it("serves a stored page that hydrates: the reader can open the pay dialog and navigate client-side", async () => {
    await page(live);
    const ctx = await browser.newContext();
    const tab = await ctx.newPage();
    await tab.goto(`${live}/posts/${POST.slug}`);
    // A client navigation (RSC request) away and back renders through Next.js as before.
    await tab.getByRole("link", { name: "标签" }).click();
    await tab.waitForURL(`${live}/tags`);
    await tab.goBack();
    await tab.getByText(TEASER).waitFor();
    await tab.getByRole("button", { name: /^阅读全文/ }).click();
    await tab.getByRole("dialog").waitFor();
    expect(await tab.content()).not.toContain(GATED);
    await ctx.close();
  });
});
