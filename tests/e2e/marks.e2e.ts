import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "./support/browser";
import { adminApi, createPost, notify, ownerContext } from "./support/site";
import { unmarked } from "./support/marks";
import { receiptText } from "../../lib/notify/receipt-text";

/**
 * Per-reader marks in a real Chromium (issue 24): copying the unlocked article (clipboard and
 * selection text, first render and from the page cache, pasted into an editor) traces back to
 * the purchase; the page looks and reads exactly as without marks; 下载全部 works from 我的购买.
 */
const live = inject("liveUrl");
const essay = readFileSync("tests/fixtures/marks/essay.md", "utf8");
const POST = { slug: "marks-e2e", title: "记号端到端测试", priceCents: 600 };
const TEASER = "记号测试的公开开头，谁都能读。";
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  await notify(live, { type: "heartbeat" });
  await createPost(live, { ...POST, markdown: `${TEASER}\n\n<!-- more -->\n\n${essay}` });
});
afterAll(async () => browser?.close());

/** A browser context of a reader who bought the post (a real order, paid by a signed notification). */
async function buyer(): Promise<{ ctx: BrowserContext; orderId: string }> {
  await notify(live, { type: "heartbeat" });
  const res = await fetch(`${live}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: live },
    body: JSON.stringify({ slug: POST.slug, channel: "wechat" }),
  });
  expect(res.status).toBe(201);
  const o = (await res.json()) as { id: string; amountCents: number };
  expect((await notify(live, receiptText("wechat", o.amountCents))).result).toBe("matched");
  const [name, value] = res.headers.get("set-cookie")!.split(";")[0].split("=");
  const ctx = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"], viewport: { width: 420, height: 900 } });
  await ctx.addCookies([{ name, value, url: live }]);
  return { ctx, orderId: o.id };
}

/** Selects the article's gated text like a reader's long-press/drag, copies it, and returns clipboard and selection text. */
async function copyArticle(page: Page): Promise<{ clipboard: string; selection: string }> {
  const selection = await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(".paywalled-content")!);
    const s = getSelection()!;
    s.removeAllRanges();
    s.addRange(range);
    return s.toString();
  });
  await page.evaluate(() => document.execCommand("copy"));
  return { clipboard: await page.evaluate(() => navigator.clipboard.readText()), selection };
}

const excerpt = (text: string, from: number) => [...text].slice(from, from + 300).join("");
type Traced = { posts: { slug: string; match: { reader: { readerId: string; orders: { id: string }[] }; confidence: number } | null }[] };
const traceApi = async (text: string) => (await adminApi<Traced>(live, "POST", "/api/admin/trace", { text })).json;

describe("marks in the reader's browser", () => {
  it("traces a copy of the page (clipboard, selection, an editor paste; rendered and from the page cache) to the purchase", async () => {
    const { ctx, orderId } = await buyer();
    const page = await ctx.newPage();
    for (const visit of ["first render", "page cache"]) {
      await page.goto(`${live}/posts/${POST.slug}`);
      const { clipboard, selection } = await copyArticle(page);
      expect(clipboard.length, visit).toBeGreaterThan(1000);
      expect(unmarked(clipboard)).toContain("写作的人最怕的不是没有读者");
      expect(clipboard).not.toContain(TEASER);
      for (const [what, text, from] of [
        ["clipboard", clipboard, 200],
        ["selection", selection, 800],
        ["NFKC, collapsed", clipboard.normalize("NFKC").replace(/\s+/g, " "), 1200],
      ] as const) {
        const found = await traceApi(excerpt(text, from));
        const post = found.posts.find((p) => p.slug === POST.slug);
        expect(
          post?.match?.reader.orders.map((x) => x.id),
          `${visit}: ${what}`,
        ).toContain(orderId);
      }
    }
    // Pasted into an editor (a chat box, a Markdown editor): a plain textarea.
    await page.evaluate(() => {
      const t = document.createElement("textarea");
      t.id = "paste-here";
      document.body.append(t);
      t.focus();
    });
    await page.keyboard.press("Control+V");
    const pasted = await page.locator("#paste-here").inputValue();
    const found = await traceApi(excerpt(pasted, 500));
    expect(found.posts[0].match?.reader.orders.map((x) => x.id)).toContain(orderId);
    await ctx.close();
  });

  it("looks and reads the same with the mark: identical pixels, identical accessibility tree once invisible characters are set aside", async () => {
    const { ctx } = await buyer();
    const page = await ctx.newPage();
    await page.goto(`${live}/posts/${POST.slug}`);
    const body = page.locator(".paywalled-content");
    const cdp = await ctx.newCDPSession(page);
    const axText = async () => {
      const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as {
        nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[];
      };
      return nodes.filter((n) => !n.ignored && n.name?.value).map((n) => `${n.role?.value}:${n.name!.value}`);
    };
    const withMark = { shot: await body.screenshot(), ax: await axText(), text: await body.innerText() };
    expect(withMark.text).toMatch(/[\u200B\u200C\uFE04-\uFE07]/);
    // The same page with every carrier taken out of its text: what the post is without a mark.
    const removed = await page.evaluate(() => {
      let n = 0;
      const walker = document.createTreeWalker(document.querySelector(".paywalled-content")!, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const clean = t.textContent!.replace(/[\u200B\u200C\uFE04-\uFE07]/g, "");
        n += t.textContent!.length - clean.length;
        t.textContent = clean;
      }
      return n;
    });
    expect(removed).toBeGreaterThan(300);
    const without = { shot: await body.screenshot(), ax: await axText(), text: await body.innerText() };
    expect(Buffer.compare(withMark.shot, without.shot), "pixels").toBe(0);
    const ignorable = (s: string) => s.replace(/\p{Default_Ignorable_Code_Point}/gu, "");
    expect(withMark.ax.map(ignorable)).toEqual(without.ax);
    expect(ignorable(withMark.text)).toBe(without.text);
    await ctx.close();
  });

  it("finds the purchase from the admin's 泄露追踪 page, which says what it cannot trace", async () => {
    const { ctx } = await buyer();
    const page = await ctx.newPage();
    await page.goto(`${live}/posts/${POST.slug}`);
    const { clipboard } = await copyArticle(page);
    const owner = await ownerContext(browser, live);
    const admin = await owner.newPage();
    await admin.goto(`${live}/admin/trace`);
    await admin.getByText(/截图或截图识别（OCR）/).waitFor();
    await admin.getByLabel("泄露的文字").fill(excerpt(clipboard, 300));
    await admin.getByRole("button", { name: "追踪来源" }).click();
    await admin.getByTestId("trace-verdict").filter({ hasText: "已找到来源" }).waitFor();
    expect(await admin.getByTestId("trace-match").textContent()).toMatch(/读者 [0-9A-Z]{6}/);
    await owner.close();
    await ctx.close();
  });

  it("downloads everything the reader owns from 我的购买 as an EPUB and as Markdown, and shows a replaced feed URL with a notice", async () => {
    const { ctx } = await buyer();
    const page = await ctx.newPage();
    await page.goto(`${live}/me`);
    await page.getByRole("button", { name: "生成私人订阅地址" }).click();
    const first = await page.getByLabel("私人订阅地址").inputValue();
    // The reader id inside the signed cookie ("r.<id>.<signature>"), as the tracer would show it to the owner.
    const readerId = decodeURIComponent((await ctx.cookies(live)).find((c) => c.name === "pw_reader")!.value).split(".")[1];
    expect((await adminApi(live, "POST", "/api/admin/trace/rotate-feed", { readerId })).json).toEqual({ readerId, rotated: 1 });
    await page.reload();
    await page.getByTestId("feed-rotated").filter({ hasText: "站长" }).waitFor();
    expect(await page.getByLabel("私人订阅地址").inputValue()).not.toBe(first);
    expect((await fetch(first)).status).toBe(404);
    const [epub] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-epub").click()]);
    expect(epub.suggestedFilename()).toMatch(/我的购买.*\.epub$/);
    const zip = await JSZip.loadAsync(readFileSync((await epub.path())!));
    expect(await zip.file("mimetype")!.async("string")).toBe("application/epub+zip");
    const chapters = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => n.endsWith(".xhtml"))
        .map((n) => zip.file(n)!.async("string")),
    );
    expect(chapters.join("")).toContain(POST.title);
    const [md] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-md").click()]);
    const text = readFileSync((await md.path())!, "utf8");
    expect(text).toContain(`## ${POST.title}`);
    expect(unmarked(text)).toContain("写作的人最怕的不是没有读者");
    expect(text).toMatch(/[\u200B\u200C\uFE04-\uFE07]/);
    await ctx.close();
  });
});
