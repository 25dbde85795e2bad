import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { launchBrowser } from "./support/browser";
import { adminApi, notify, ownerContext } from "./support/site";
import { zipFolder } from "../support/zip";
import { readZip } from "@/lib/import/zip";

/**
 * Bringing a blog over, in Chromium against the production build: the owner imports a Hexo zip
 * in 导入导出 and sees the summary, the images are served from the database, and 导出全部 downloads
 * them again with the posts; an old permalink answers 301; a scheduled post appears by
 * itself once its time passes; a preview link shows a draft's whole text with a banner, noindex
 * and no way to buy.
 */
const live = inject("liveUrl");
const fixtures = path.resolve(import.meta.dirname, "..", "fixtures", "import");
let browser: Browser;
let owner: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  owner = await ownerContext(browser, live);
  await notify(live, { type: "heartbeat" });
});
afterAll(async () => browser?.close());

describe("bringing a blog over", () => {
  it("imports a Hexo site zip from the admin and reports posts, images, redirects and skipped pages", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "e2e-import-")), "hexo-site.zip");
    writeFileSync(file, await zipFolder(path.join(fixtures, "hexo"), "my-hexo-blog/"));
    const page = await owner.newPage();
    await page.goto(`${live}/admin/import`);
    await page.getByLabel("要导入的文件").setInputFiles(file);
    await page.getByRole("button", { name: "上传并导入" }).click();
    const summary = page.getByTestId("import-summary");
    await summary.getByText(/导入完成：新增 4 篇，更新 0 篇，图片 2 张，旧链接跳转 3 条/).waitFor();
    await summary.getByText("my-hexo-blog/source/about/index.md").waitFor();
    // The redirects list shows the imported permalinks.
    await page.getByText("/2023/09/01/hello-world").waitFor();

    const post = await (await fetch(`${live}/posts/asset-post`)).text();
    expect(post).toContain("Hexo 开启 post_asset_folder 后");
    expect(post).not.toContain("第四段：付费才能看的结论");
    const src = /src="(\/media\/[a-f0-9]{32}-24x16\.png)"/.exec(post)?.[1];
    expect(src).toBeDefined();
    const diagram = readFileSync(path.join(fixtures, "hexo/source/_posts/asset-post/diagram.png"));
    const img = await fetch(`${live}${src}`);
    expect(img.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await img.arrayBuffer()).equals(diagram)).toBe(true);

    // 导出全部: the zip the browser downloads carries the imported posts and the images, read back from the database.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出全部" }).click()]);
    const files = await readZip(readFileSync((await download.path())!), () => true);
    expect(files.get(`media${src!.slice("/media".length)}`)?.equals(diagram)).toBe(true);
    expect(files.get("posts/asset-post.md")?.toString()).toContain("第四段：付费才能看的结论");
    await page.close();
  });

  it("answers an old permalink with a 301 to the new post, and leaves the home page alone", async () => {
    const old = await fetch(`${live}/2023/09/01/hello-world/`, { redirect: "manual" });
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe("/posts/hello-world");
    const created = await adminApi(live, "POST", "/api/admin/redirects", { from: "/?p=7", to: "hello-world" });
    expect(created.status).toBe(201);
    const query = await fetch(`${live}/?p=7`, { redirect: "manual" });
    expect(query.status).toBe(301);
    expect((await fetch(`${live}/?page=1`, { redirect: "manual" })).status).toBe(200);
    const page = await browser.newPage();
    await page.goto(`${live}/2023/09/01/hello-world`);
    expect(new URL(page.url()).pathname).toBe("/posts/hello-world");
    await page.getByRole("heading", { name: "Hello World" }).waitFor();
    await page.close();
  });

  it("shows a scheduled post on the site, in the feed and the sitemap once its time has come, with no restart", async () => {
    const at = new Date(Date.now() + 8_000);
    const slug = `scheduled-${Date.now()}`;
    const res = await adminApi(live, "POST", "/api/admin/articles", {
      slug,
      title: "定时发布的端到端文章",
      priceCents: 0,
      markdown: "到点才出现 E2E-SCHEDULED",
      published: true,
      publishAt: at.toISOString(),
    });
    expect(res.status).toBe(201);
    expect((await fetch(`${live}/posts/${slug}`)).status).toBe(404);
    expect(await (await fetch(`${live}/feed.xml`)).text()).not.toContain(slug);
    await new Promise((r) => setTimeout(r, at.getTime() - Date.now() + 500));
    // Caches in front of the queries live 10 s at most: well within the promised minute.
    await expect.poll(async () => (await fetch(`${live}/posts/${slug}`)).status, { timeout: 20_000, interval: 1000 }).toBe(200);
    await expect
      .poll(async () => (await (await fetch(`${live}/`)).text()).includes("定时发布的端到端文章"), { timeout: 15_000 })
      .toBe(true);
    expect(await (await fetch(`${live}/feed.xml`)).text()).toContain(slug);
    expect(await (await fetch(`${live}/sitemap.xml`)).text()).toContain(`/posts/${slug}`);
  });

  it("opens a draft's preview link with the whole text under a banner, noindex, and no way to buy", async () => {
    const slug = `preview-draft-${Date.now()}`;
    await adminApi(live, "POST", "/api/admin/articles", {
      slug,
      title: "预览中的付费草稿",
      priceCents: 300,
      markdown: "公开开头 E2E-PREVIEW-TEASER\n\n<!-- more -->\n\n付费正文 E2E-PREVIEW-BODY",
      published: false,
    });
    expect((await fetch(`${live}/posts/${slug}`)).status).toBe(404);
    // The owner makes the link in the editor.
    const editor = await owner.newPage();
    await editor.goto(`${live}/admin/posts/${slug}`);
    await editor.getByRole("button", { name: "预览链接" }).click();
    const url = new URL(await editor.getByLabel("预览链接").inputValue());
    await editor.close();
    const page = await browser.newPage();
    const res = await page.goto(`${live}${url.pathname}`);
    expect(res!.headers()["x-robots-tag"]).toMatch(/noindex/);
    expect(res!.headers()["cache-control"]).toMatch(/no-store/);
    await page.getByTestId("preview-banner").getByText("预览").first().waitFor();
    await page.getByText("付费正文 E2E-PREVIEW-BODY").waitFor();
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toMatch(/noindex/);
    expect(await page.getByRole("button", { name: /阅读全文|赞赏/ }).count()).toBe(0);
    const order = await fetch(`${live}/api/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: live },
      body: JSON.stringify({ slug, channel: "wechat" }),
    });
    expect(order.status).toBe(404);
    // Revoked: the same link shows nothing any more.
    await adminApi(live, "DELETE", `/api/admin/articles/${slug}/preview-link`);
    expect((await fetch(`${live}${url.pathname}`)).status).toBe(404);
    await page.close();
  });
});
