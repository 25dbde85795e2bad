import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { PNG } from "pngjs";
import { launchBrowser } from "./support/browser";
import { adminApi, createPost, metaTags, notify, ownerContext } from "./support/site";
import { DEFAULT_SETTINGS } from "../../lib/settings/schema";
import { receiptText } from "../../lib/notify/receipt-text";
import { unmarked } from "./support/marks";

const live = inject("liveUrl");
const SLUG = "e2e-share-card";
const TEASER_IMAGE_ALT = "公开配图";
const GATED = "分享卡片之后的付费正文 E2E-SHARE-GATED";
// Gated text of every paid post the live site has in these tests (demo content + this file's post).
const ALL_GATED = [GATED, "一次只做一件事", "E2E-SHARE-BODY-IMAGE"];
let browser: Browser;

function png(size: number, shade: number): Buffer {
  const p = new PNG({ width: size, height: size });
  p.data.fill(shade);
  return PNG.sync.write(p);
}

async function uploadImage(bytes: Buffer, name: string): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "image/png" }), name);
  const res = await fetch(`${live}/api/admin/media`, {
    method: "POST",
    headers: { authorization: `Bearer ${inject("adminToken")}` },
    body: form,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { url: string }).url;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const teaserImage = await uploadImage(png(64, 10), "teaser.png");
  const bodyImage = await uploadImage(png(64, 240), "body.png");
  await createPost(live, {
    slug: SLUG,
    title: "分享卡片测试",
    priceCents: 200,
    tags: ["分享测试"],
    markdown: `公开的开头，分享时显示这一段。\n\n![${TEASER_IMAGE_ALT}](${teaserImage})\n\n<!-- more -->\n\n${GATED}\n\n![E2E-SHARE-BODY-IMAGE](${bodyImage})`,
  });
});
afterAll(async () => {
  await adminApi(live, "PATCH", "/api/admin/settings", DEFAULT_SETTINGS);
  await browser?.close();
});

describe("the owner's site settings", () => {
  it("names the site everywhere it names itself and shows the record numbers in the footer with the right links", async () => {
    const owner = await ownerContext(browser, live);
    const page = await owner.newPage();
    await page.goto(`${live}/admin`);
    await page.getByRole("link", { name: "站点设置", exact: true }).click();
    await page.getByLabel("站点名称").fill("慢读小站");
    await page.getByLabel("站点简介").fill("一个慢慢写字的地方");
    await page.getByLabel("作者").fill("林一");
    await page.getByLabel("ICP 备案号").fill("京ICP备12345678号-1");
    await page.getByLabel("公安备案号").fill("京公网安备11010502030143号");
    await page.getByLabel("页脚文字").fill("转载请注明出处");
    await page.getByLabel("上传图标").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png(48, 90) });
    await page.getByAltText("当前站点图标").waitFor();
    await page.getByRole("button", { name: "保存设置" }).click();
    await page.getByRole("status").filter({ hasText: "已保存" }).waitFor();
    await owner.close();

    const reader = await browser.newPage();
    await reader.goto(`${live}/`);
    expect(await reader.title()).toBe("慢读小站");
    expect(await reader.locator("header").textContent()).toContain("慢读小站");
    const footer = reader.getByTestId("site-footer");
    expect(await footer.textContent()).toContain("转载请注明出处");
    expect(await footer.getByRole("link", { name: "京ICP备12345678号-1" }).getAttribute("href")).toBe("https://beian.miit.gov.cn/");
    expect(await footer.getByRole("link", { name: "京公网安备11010502030143号" }).getAttribute("href")).toBe(
      "https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143",
    );
    const logo = await reader.locator("header img").getAttribute("src");
    expect(logo).toMatch(/^\/media\//);
    expect((await fetch(`${live}${logo}`)).status).toBe(200);
    await reader.goto(`${live}/posts/${SLUG}`);
    expect(await reader.title()).toBe("分享卡片测试 · 慢读小站");
    await reader.close();

    const feed = await (await fetch(`${live}/feed.xml`)).text();
    expect(feed).toContain("<title>慢读小站</title>");
    expect((await (await fetch(`${live}/manifest.webmanifest`)).json()).name).toBe("慢读小站");
  });
});

describe("sharing and search", () => {
  it("gives every post Open Graph and Twitter tags from its teaser, with the teaser's image, never the gated body", async () => {
    const html = await (await fetch(`${live}/posts/${SLUG}`)).text();
    const meta = Object.fromEntries(metaTags(html));
    expect(meta["og:title"]).toBe("分享卡片测试");
    expect(meta["og:type"]).toBe("article");
    expect(meta["og:url"]).toBe(`${live}/posts/${SLUG}`);
    expect(meta["og:description"]).toContain("公开的开头");
    expect(meta["og:image"]).toMatch(new RegExp(`^${live}/media/[a-f0-9]{32}-64x64\\.png$`));
    expect(meta["twitter:card"]).toBe("summary_large_image");
    expect(meta["twitter:title"]).toBe("分享卡片测试");
    expect(meta["article:tag"]).toBe("分享测试");
    const body = await (await fetch(`${live}${new URL(meta["og:image"]).pathname}`)).arrayBuffer();
    expect(PNG.sync.read(Buffer.from(body)).data[0]).toBe(10); // the teaser's image, not the body's
    const allMeta = metaTags(html)
      .map(([, v]) => v)
      .join("\n");
    for (const g of ALL_GATED) expect(unmarked(allMeta)).not.toContain(g);
    expect(html).toMatch(/<link rel="canonical" href="[^"]*\/posts\/e2e-share-card"/);
    expect(html).toMatch(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="[^"]*\/feed\.xml"/);
  });

  it("lists published posts and tag pages in sitemap.xml, and keeps /admin and /api out in robots.txt", async () => {
    const sitemap = await (await fetch(`${live}/sitemap.xml`)).text();
    expect(sitemap).toContain(`<loc>${live}/posts/${SLUG}</loc>`);
    expect(sitemap).toContain(`<loc>${live}/posts/tea-and-time</loc>`);
    expect(sitemap).toContain(`<loc>${live}/tags/${encodeURIComponent("分享测试")}</loc>`);
    expect(sitemap).not.toMatch(/\/admin|\/api\/|\/me</);
    const robots = await (await fetch(`${live}/robots.txt`)).text();
    expect(robots).toMatch(/Disallow: \/admin/);
    expect(robots).toMatch(/Disallow: \/api\//);
    expect(robots).toMatch(/Disallow: \/feed\/private\//);
    expect(robots).not.toMatch(/^Disallow: \/m/m); // a prefix like /me would also hide /media/ images from share-card crawlers
    expect(robots).toContain(`Sitemap: ${live}/sitemap.xml`);
  });

  it("offers RSS and Atom feeds that Chromium parses, with teasers only for paid posts", async () => {
    const page = await browser.newPage();
    for (const path of ["/feed.xml", "/atom.xml"]) {
      const xml = await (await fetch(`${live}${path}`)).text();
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, "application/xml");
        const error = doc.querySelector("parsererror")?.textContent ?? null;
        const titles = [...doc.querySelectorAll("item > title, entry > title")].map((t) => t.textContent);
        return { error, titles };
      }, xml);
      expect(parsed.error, path).toBeNull();
      expect(parsed.titles).toContain("分享卡片测试");
      expect(xml).toContain("公开的开头");
      for (const g of ALL_GATED) expect(unmarked(xml), path).not.toContain(g);
    }
    await page.close();
  });
});

describe("a paying reader's private feed", () => {
  it("comes from 我的购买, carries the full text of what they bought only, is never cached publicly, and can be switched off", async () => {
    await notify(live, { type: "heartbeat" });
    const ctx = await browser.newContext();
    const order = await (
      await ctx.request.post(`${live}/api/orders`, { data: { slug: SLUG, channel: "wechat" }, headers: { origin: live } })
    ).json();
    expect(await notify(live, receiptText("wechat", order.amountCents))).toMatchObject({ result: "matched" });
    const page = await ctx.newPage();
    await page.goto(`${live}/me`);
    await page.getByRole("button", { name: "生成私人订阅地址" }).click();
    const url = await page.getByLabel("私人订阅地址").inputValue();
    expect(url).toMatch(new RegExp(`^${live}/feed/private/[A-Za-z0-9_-]{32}$`));
    const res = await fetch(url);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const xml = await res.text();
    expect(unmarked(xml)).toContain(GATED);
    expect(unmarked(xml)).not.toContain("一次只做一件事"); // tea-and-time: not bought by this reader
    await page.getByRole("button", { name: "停用" }).click();
    await page.getByRole("button", { name: "生成私人订阅地址" }).waitFor();
    expect((await fetch(url)).status).toBe(404);
    await ctx.close();
  });
});

describe("gated text stays with those who paid", () => {
  it("appears in no response an anonymous visitor can get, and every response that carries it is private", async () => {
    const urls = [
      "/",
      "/?page=2",
      "/tags",
      `/tags/${encodeURIComponent("分享测试")}`,
      `/posts/${SLUG}`,
      "/posts/tea-and-time",
      "/feed.xml",
      "/atom.xml",
      "/sitemap.xml",
      "/robots.txt",
      "/manifest.webmanifest",
      "/api/articles",
      "/me",
    ];
    for (const path of urls) {
      for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
        const res = await fetch(`${live}${path}`, { headers });
        const text = await res.text();
        for (const g of ALL_GATED) expect(unmarked(text), `${path} ${JSON.stringify(headers)}`).not.toContain(g);
      }
    }
    // The reader who bought the post (previous test) gets it, in a response no shared cache may keep.
    const ctx = await browser.newContext();
    await notify(live, { type: "heartbeat" });
    const order = await (
      await ctx.request.post(`${live}/api/orders`, { data: { slug: SLUG, channel: "alipay" }, headers: { origin: live } })
    ).json();
    await notify(live, receiptText("alipay", order.amountCents));
    const paid = await ctx.request.get(`${live}/posts/${SLUG}`);
    expect(unmarked(await paid.text())).toContain(GATED);
    const cacheControl = paid.headers()["cache-control"] ?? "";
    expect(cacheControl).toMatch(/private|no-store/);
    expect(cacheControl).not.toMatch(/public|s-maxage/);
    await ctx.close();
  });
});
