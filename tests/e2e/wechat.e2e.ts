import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./support/browser";
import { notify } from "./support/site";
import { marked } from "./support/marks";

const live = inject("liveUrl");
const demo = inject("demoUrl"); // ORDER_TTL_SECONDS=10
const SLUG = "tea-and-time";
const GATED = "一次只做一件事";
const WECHAT_UA =
  "Mozilla/5.0 (Linux; Android 14; PJZ110 Build/UKQ1.230924.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64";
let browser: Browser;

/** What the page sees when the reader switches to another app and back: the document's visibility changes. */
async function setVisibility(page: Page, state: "hidden" | "visible") {
  await page.evaluate((s) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => s });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => s === "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
}

async function openDialog(page: Page, base: string) {
  await page.goto(`${base}/posts/${SLUG}`);
  const created = page.waitForResponse((r) => r.url().endsWith("/api/orders") && r.request().method() === "POST");
  await page.getByRole("button", { name: /^阅读全文/ }).click();
  const order = await (await created).json();
  await page.getByRole("dialog").waitFor();
  await page.getByTestId("countdown").waitFor();
  return order as { id: string; amountCents: number; channel: string };
}

const serverStatus = async (base: string, id: string) => (await (await fetch(`${base}/api/orders/${id}`)).json()).status;

beforeAll(async () => {
  browser = await launchBrowser();
  await notify(live, { type: "heartbeat" });
});
afterAll(async () => browser?.close());

describe("a reader inside WeChat's in-app browser", () => {
  it("starts on WeChat (recommended), and the Alipay choice explains how to open the system browser instead of a dead link", async () => {
    const ctx = await browser.newContext({ userAgent: WECHAT_UA, viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    const posts: string[] = [];
    page.on("request", (r) => r.url().endsWith("/api/orders") && r.method() === "POST" && posts.push(r.url()));
    const order = await openDialog(page, live);
    expect(order.channel).toBe("wechat");
    const radios = page.getByRole("radio");
    expect(await radios.first().textContent()).toBe("微信推荐");
    expect(await radios.first().getAttribute("aria-checked")).toBe("true");
    await page.getByText("在微信内：长按上方二维码").waitFor();

    await page.getByRole("radio", { name: /支付宝/ }).click();
    await page.getByText("右上角").waitFor();
    expect(await page.getByTestId("alipay-in-wechat").textContent()).toContain("在浏览器打开");
    expect(await page.locator('a[href^="alipays:"]').count()).toBe(0);
    expect(await page.getByLabel("本页链接").inputValue()).toBe(`${live}/posts/${SLUG}`);
    expect(posts).toHaveLength(1); // no Alipay order was made, the WeChat one was not cancelled
    expect(await serverStatus(live, order.id)).toBe("pending");

    await page.getByRole("button", { name: "改用微信付款" }).click();
    await page
      .getByTestId("pay-amount")
      .filter({ hasText: `¥${(order.amountCents / 100).toFixed(2)}` })
      .waitFor();
    expect(posts).toHaveLength(1); // back on the very same order
    await ctx.close();
  });

  it("keeps the order while the reader is away in another app, and unlocks when the payment arrives meanwhile", async () => {
    const ctx = await browser.newContext({ userAgent: WECHAT_UA });
    const page = await ctx.newPage();
    const deletes: string[] = [];
    page.on("request", (r) => r.method() === "DELETE" && deletes.push(r.url()));
    const order = await openDialog(page, live);
    await setVisibility(page, "hidden");
    await page.dispatchEvent("body", "blur");
    await page.waitForTimeout(1500);
    expect(deletes).toEqual([]);
    expect(await serverStatus(live, order.id)).toBe("pending");
    expect(
      await notify(live, {
        package: "com.tencent.mm",
        title: "微信支付",
        content: `微信支付收款${(order.amountCents / 100).toFixed(2)}元(朋友到店)`,
      }),
    ).toMatchObject({
      result: "matched",
    });
    await setVisibility(page, "visible");
    await page.getByText(marked(GATED)).waitFor({ timeout: 10_000 });
    await ctx.close();
  });
});

describe("the one extension of a countdown that ran out while the reader was away", () => {
  it("offers it after coming back, keeps the same amount, and the page still unlocks", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const order = await openDialog(page, demo);
    await setVisibility(page, "hidden");
    await page.waitForTimeout(11_000); // the demo site's countdown is 10 s
    await setVisibility(page, "visible");
    const extend = page.getByRole("button", { name: "继续用刚才的二维码付款（延长一次）" });
    await extend.waitFor({ timeout: 10_000 });
    expect(await serverStatus(demo, order.id)).toBe("expired");
    const extended = page.waitForResponse((r) => r.url().endsWith(`/api/orders/${order.id}/extend`));
    await extend.click();
    expect((await extended).status()).toBe(200);
    await page.getByTestId("countdown").waitFor();
    expect(await page.getByTestId("pay-amount").textContent()).toBe(`¥${(order.amountCents / 100).toFixed(2)}`);
    expect(await serverStatus(demo, order.id)).toBe("pending");
    await page.getByRole("button", { name: "模拟付款（演示）" }).click();
    await page.getByText(marked(GATED)).waitFor({ timeout: 10_000 });
    await ctx.close();
  });

  it("is not offered when the countdown ran out in front of the reader", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await openDialog(page, demo);
    await page.getByRole("button", { name: "重新获取二维码" }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole("button", { name: /延长一次/ }).count()).toBe(0);
    await ctx.close();
  });
});
