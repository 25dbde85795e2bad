import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { PNG } from "pngjs";
import { launchBrowser } from "./support/browser";
import { createPost, ownerContext } from "./support/site";

const live = inject("liveUrl");
let browser: Browser;
let owner: BrowserContext;

function wideImage(): Buffer {
  const p = new PNG({ width: 1600, height: 900 });
  p.data.fill(180);
  return PNG.sync.write(p);
}

beforeAll(async () => {
  browser = await launchBrowser();
  owner = await ownerContext(browser, live);
});
afterAll(async () => browser?.close());

describe("writing a post with tags and an uploaded image", () => {
  it("uploads an image into the Markdown, refuses a file that is not an image, and publishes with tags", async () => {
    const page = await owner.newPage();
    await page.goto(`${live}/admin/posts/new`);
    await page.getByLabel("标题").fill("带图片的文章");
    await page.getByLabel("网址（slug）").fill("e2e-image-post");
    await page.getByLabel("价格（元，0 为免费）").fill("0");
    await page.getByLabel(/^标签/).fill("摄影，旅行");
    await page.getByLabel(/^正文/).fill("开头的文字。");

    await page
      .getByLabel("插入图片")
      .setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("not an image at all") });
    await page.getByRole("alert").filter({ hasText: "PNG、JPEG、GIF 或 WebP" }).waitFor();

    await page.getByLabel("插入图片").setInputFiles({ name: "山景.png", mimeType: "image/png", buffer: wideImage() });
    await page.getByLabel("预览").locator("img").waitFor();
    expect(await page.getByLabel(/^正文/).inputValue()).toMatch(/!\[山景\]\(\/media\/[a-f0-9]{32}-1600x900\.png\)/);
    await page.getByRole("button", { name: "发布" }).click();
    await page.waitForURL(/\/admin\/posts\?saved=/);
    await page.close();
  });

  it("shows the image to a phone reader lazily and within the column, served cacheable and nosniff", async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    await page.goto(`${live}/posts/e2e-image-post`);
    const img = page.locator("article img");
    expect(await img.getAttribute("loading")).toBe("lazy");
    expect(await img.getAttribute("width")).toBe("1600");
    expect(await img.getAttribute("height")).toBe("900");
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.querySelector("article img") as HTMLImageElement | null)?.complete);
    const box = await img.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390 - 2 * 16);
    expect(Math.round((box!.width / box!.height) * 100)).toBe(Math.round((1600 / 900) * 100));
    const res = await fetch(`${live}${await img.getAttribute("src")}`);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toContain("immutable");
    await ctx.close();
  });
});

describe("the home page", () => {
  it("pages with real links, shows date, reading time, free or paid and tags, and links each tag to its page", async () => {
    for (let i = 1; i <= 12; i++) {
      await createPost(live, {
        slug: `e2e-list-${i}`,
        title: `列表测试 ${i}`,
        priceCents: i % 2 ? 100 : 0,
        tags: i % 3 === 0 ? ["三的倍数"] : [],
        markdown: `第 ${i} 篇的开头。${"内容".repeat(200)}\n\n<!-- more -->\n\n正文 ${i}`,
      });
    }
    const page = await browser.newPage();
    await page.goto(`${live}/`);
    const cards = page.locator("main li");
    expect(await cards.count()).toBe(10);
    const next = page.getByRole("link", { name: "下一页" });
    expect(await next.getAttribute("href")).toBe("/?page=2");
    const first = await cards.first().textContent();
    expect(first).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(first).toMatch(/约 \d+ 分钟读完/);
    expect(first).toMatch(/付费 ¥1\.00|免费/);

    await next.click();
    await page.waitForURL(`${live}/?page=2`);
    expect(await page.locator('nav[aria-label="分页"] [aria-current="page"]').textContent()).toBe("2");
    expect(await page.getByRole("link", { name: "上一页" }).getAttribute("href")).toBe("/");
    expect((await fetch(`${live}/?page=99`)).status).toBe(404);
    expect((await fetch(`${live}/?page=abc`)).status).toBe(404);

    await page.goto(`${live}/posts/e2e-list-3`);
    await page.getByRole("link", { name: "#三的倍数" }).click();
    await page.waitForURL(/\/tags\//);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("三的倍数");
    const titles = await page.locator("main li h2").allTextContents();
    expect(titles.sort()).toEqual(["列表测试 12", "列表测试 3", "列表测试 6", "列表测试 9"]);
    await page.close();
  });
});
