import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./support/browser";
import { signNative } from "../../lib/notify/native-signature";
import { formatCents } from "../../lib/money";
import { receiptText } from "../../lib/notify/receipt-text";
import { marked, unmarked } from "./support/marks";

const live = inject("liveUrl");
const demo = inject("demoUrl");
const secret = inject("notifySecret");
const SLUG = "tea-and-time"; // demo content: ¥1.00, divider after 练习二
const GATED = "一次只做一件事";
let browser: Browser;

async function notify(base: string, payload: Record<string, unknown>) {
  const body = JSON.stringify({ deviceid: "e2e-phone", ...payload });
  const headers = signNative(secret, body, `msg_${Math.random().toString(36).slice(2)}`);
  const res = await fetch(`${base}/api/notify`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
  return res.json();
}

async function openPaywalledPost(page: Page, base: string) {
  await page.goto(`${base}/posts/${SLUG}`);
  const button = page.getByRole("button", { name: /^阅读全文/ });
  await expect(button.textContent()).resolves.toContain("阅读全文 ¥1.00");
  const created = page.waitForResponse((r) => r.url().endsWith("/api/orders") && r.request().method() === "POST");
  await button.click();
  const order = await (await created).json();
  await page.getByRole("dialog").waitFor();
  return order as { id: string; amountCents: number; channel: string };
}

beforeAll(async () => {
  browser = await launchBrowser();
  await notify(live, { type: "heartbeat" });
});
afterAll(async () => browser?.close());

describe("a reader on a desktop browser", () => {
  it("loads the home page and a post with no failed request, favicon and app icon included", async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    await page.goto(`${live}/`);
    await page.goto(`${live}/posts/${SLUG}`);
    await page.waitForLoadState("networkidle");
    expect(failed).toEqual([]);
    for (const icon of ["/favicon.ico", "/icon.svg", "/apple-touch-icon.png", "/manifest.webmanifest"]) {
      expect((await fetch(`${live}${icon}`)).status, icon).toBe(200);
    }
    const linked = await page.locator('link[rel="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]').count();
    expect(linked).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it("never receives the gated text before paying (HTML, RSC payload, JSON)", async () => {
    const html = await (await fetch(`${live}/posts/${SLUG}`)).text();
    expect(html).toContain("练习二");
    expect(unmarked(html)).not.toContain(GATED);
    const rsc = await (await fetch(`${live}/posts/${SLUG}`, { headers: { RSC: "1" } })).text();
    expect(unmarked(rsc)).not.toContain(GATED);
    const api = await (await fetch(`${live}/api/articles`)).text();
    expect(unmarked(api)).not.toContain(GATED);
  });

  it("pays with a signed notification and sees the article unlock without a reload", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const first = await openPaywalledPost(page, live);
    expect(first.channel).toBe("wechat");
    await expect(page.getByTestId("pay-amount").textContent()).resolves.toBe(`¥${formatCents(first.amountCents)}`);
    expect(await page.getByTestId("countdown").textContent()).toMatch(/^(2:00|1:59)$/);
    expect(await page.locator("[data-qr-payload] svg").count()).toBe(1);
    expect(await page.getByRole("button", { name: "模拟付款（演示）" }).count()).toBe(0);

    // Switching channel moves the order to Alipay.
    const moved = page.waitForResponse((r) => r.url().endsWith("/api/orders") && r.request().method() === "POST");
    await page.getByRole("radio", { name: "支付宝" }).click();
    const order = await (await moved).json();
    expect(order.channel).toBe("alipay");
    await page
      .getByTestId("pay-amount")
      .filter({ hasText: `¥${formatCents(order.amountCents)}` })
      .waitFor();

    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const t0 = performance.now();
    const res = await notify(live, receiptText("alipay", order.amountCents));
    expect(res).toEqual({ result: "matched", orderId: order.id });
    await page.getByText(marked(GATED)).waitFor({ timeout: 5000 });
    const unlockMs = Math.round(performance.now() - t0);
    console.log(`[e2e] notification → unlocked page: ${unlockMs} ms`);
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    await page.reload();
    await page.getByText(marked(GATED)).waitFor();
    const stranger = await browser.newContext();
    const other = await stranger.newPage();
    await other.goto(`${live}/posts/${SLUG}`);
    expect(unmarked(await other.content())).not.toContain(GATED);
    await stranger.close();
    await ctx.close();
  });

  it("cancels the order when the dialog is closed", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const order = await openPaywalledPost(page, live);
    const cancelled = page.waitForResponse((r) => r.url().endsWith(`/api/orders/${order.id}`) && r.request().method() === "DELETE");
    await page.keyboard.press("Escape");
    await cancelled;
    expect(await page.getByRole("dialog").count()).toBe(0);
    const state = await (await fetch(`${live}/api/orders/${order.id}`)).json();
    expect(state.status).toBe("cancelled");
    await ctx.close();
  });
});

describe("a newcomer in demo mode (no notifier configured)", () => {
  it("unlocks with the 模拟付款（演示） button", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await openPaywalledPost(page, demo);
    await page.getByRole("button", { name: "模拟付款（演示）" }).click();
    await page.getByText(marked(GATED)).waitFor({ timeout: 5000 });
    await ctx.close();
  });

  it("offers 重新获取二维码 once the server has expired the order", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const first = await openPaywalledPost(page, demo);
    // The demo site runs with ORDER_TTL_SECONDS=10 (global setup).
    const again = page.getByRole("button", { name: "重新获取二维码" });
    await again.waitFor({ timeout: 15_000 });
    expect((await (await fetch(`${demo}/api/orders/${first.id}`)).json()).status).toBe("expired");
    const renewed = page.waitForResponse((r) => r.url().endsWith("/api/orders") && r.request().method() === "POST");
    await again.click();
    const second = await (await renewed).json();
    expect(second.id).not.toBe(first.id);
    await page.getByTestId("countdown").waitFor();
    await ctx.close();
  });
});

describe("a reader on a phone", () => {
  it("gets Alipay first with an 打开支付宝付款 deep link", async () => {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    });
    const page = await ctx.newPage();
    const order = await openPaywalledPost(page, live);
    expect(order.channel).toBe("alipay");
    const link = page.getByRole("link", { name: "打开支付宝付款" });
    expect(await link.getAttribute("href")).toMatch(/^alipays:\/\/platformapi\/startapp\?saId=10000007&qrcode=https%3A%2F%2Fqr.alipay.com/);
    await page.getByRole("radio", { name: "微信" }).click();
    await page.getByText("保存二维码 → 微信「扫一扫」").waitFor();
    await ctx.close();
  });
});
