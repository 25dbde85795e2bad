import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./support/browser";
import { signNative } from "../../lib/notify/native-signature";
import { marked } from "./support/marks";

const live = inject("liveUrl");
const demo = inject("demoUrl");
const secret = inject("notifySecret");
const PASSWORD = "e2e-admin-password"; // global-setup.ts
const PHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
let browser: Browser;

async function heartbeat() {
  const body = JSON.stringify({ deviceid: "e2e-phone", type: "heartbeat" });
  const headers = signNative(secret, body, `msg_${Math.random().toString(36).slice(2)}`);
  await fetch(`${live}/api/notify`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
}

/** A browser context that records every Content-Security-Policy violation its pages report. */
async function watchedContext(opts: Parameters<Browser["newContext"]>[0] = {}) {
  const ctx = await browser.newContext(opts);
  const violations: string[] = [];
  await ctx.exposeFunction("__cspViolation", (v: string) => violations.push(v));
  await ctx.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} on ${location.pathname}`,
      ),
    );
  });
  ctx.on("console", (m) => /Content.Security.Policy/i.test(m.text()) && violations.push(`console: ${m.text()}`));
  return { ctx, violations };
}

async function visit(page: Page, url: string, ready: string) {
  const res = await page.goto(url);
  expect(res?.headers()["content-security-policy"], url).toContain("frame-ancestors 'none'");
  await page.getByText(ready).first().waitFor();
  await page.waitForLoadState("networkidle");
}

beforeAll(async () => {
  browser = await launchBrowser();
  await heartbeat();
});
afterAll(async () => browser?.close());

describe("security headers on every response", () => {
  it("sends CSP, framing, nosniff and referrer policy on pages, API answers, errors, static files and the server's own 400", async () => {
    const html = await (await fetch(`${live}/`)).text();
    const chunk = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(chunk).toBeTruthy();
    const urls = [
      "/",
      "/posts/tea-and-time",
      "/me",
      "/admin/login",
      "/api/health",
      "/api/orders/nope",
      "/no-such-page",
      chunk!,
      "/favicon.ico",
      "/restore/%E0",
    ];
    for (const path of urls) {
      const res = await fetch(`${live}${path}`);
      const h = res.headers;
      const csp = h.get("content-security-policy") ?? "";
      for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) {
        expect(csp, `${path}: ${d}`).toContain(d);
      }
      expect(csp, path).not.toContain("unsafe-eval");
      expect(h.get("x-frame-options"), path).toBe("DENY");
      expect(h.get("x-content-type-options"), path).toBe("nosniff");
      expect(h.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(h.get("strict-transport-security"), path).toBeNull(); // plain HTTP
    }
  });

  it("adds HSTS when the request arrived over HTTPS (the proxy's X-Forwarded-Proto)", async () => {
    for (const path of ["/", "/api/health", "/restore/%E0"]) {
      const res = await fetch(`${live}${path}`, { headers: { "x-forwarded-proto": "https" } });
      expect(res.headers.get("strict-transport-security"), path).toMatch(/^max-age=\d{7,}/);
    }
  });
});

describe("the pages work under the Content-Security-Policy (no violation in Chromium)", () => {
  it("reader pages: home, a post, the payment dialog's QR code on both channels, 我的购买, a restore link", async () => {
    const { ctx, violations } = await watchedContext();
    const page = await ctx.newPage();
    await visit(page, `${live}/`, "付费阅读");
    await visit(page, `${live}/posts/tea-and-time`, "阅读全文");
    await page.getByRole("button", { name: /^阅读全文/ }).click();
    await page.locator("[data-qr-payload] svg").waitFor();
    await page.getByRole("radio", { name: "支付宝" }).click();
    await page.getByTestId("countdown").waitFor();
    await page.keyboard.press("Escape");
    await visit(page, `${live}/me`, "我的购买");
    await visit(page, `${live}/restore/not-a-token`, "恢复链接无效");
    expect(violations).toEqual([]);
    await ctx.close();
  });

  it("a phone: the WeChat code as a saveable PNG image (canvas → data URL)", async () => {
    const { ctx, violations } = await watchedContext({ viewport: { width: 390, height: 844 }, userAgent: PHONE_UA });
    const page = await ctx.newPage();
    await visit(page, `${live}/posts/tea-and-time`, "阅读全文");
    await page.getByRole("button", { name: /^阅读全文/ }).click();
    await page.getByRole("radio", { name: "微信" }).click();
    await page.locator('img[src^="data:image/png"]').waitFor();
    await page.getByRole("link", { name: "保存二维码" }).waitFor();
    expect(violations).toEqual([]);
    await ctx.close();
  });

  it("demo mode: 模拟付款 unlocks through /api/notify", async () => {
    const { ctx, violations } = await watchedContext();
    const page = await ctx.newPage();
    await visit(page, `${demo}/posts/tea-and-time`, "阅读全文");
    await page.getByRole("button", { name: /^阅读全文/ }).click();
    await page.getByRole("button", { name: "模拟付款（演示）" }).click();
    await page.getByText(marked("一次只做一件事")).waitFor({ timeout: 5000 });
    expect(violations).toEqual([]);
    await ctx.close();
  });

  it("admin pages: login, dashboard chart (recharts), posts, editor preview, QR codes, orders, payments, log, devices, restore links, settings, alerts, products, reconciliation, account", async () => {
    const { ctx, violations } = await watchedContext();
    const page = await ctx.newPage();
    await visit(page, `${live}/admin/login`, "登录");
    await page.getByLabel("管理密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`${live}/admin`);
    await page.getByText("每日收入（北京时间）").waitFor();
    await page.locator(".recharts-surface").first().waitFor();
    await visit(page, `${live}/admin/posts`, "写文章");
    await visit(page, `${live}/admin/posts/new`, "预览");
    await page.getByLabel(/^正文/).fill("公开 **粗体**\n\n<!-- more -->\n\n付费 CSP-PREVIEW");
    await page.getByLabel("预览").getByText("CSP-PREVIEW").waitFor();
    await visit(page, `${live}/admin/qr`, "各价格同时付款容量");
    await page.locator("[data-qr-payload] svg").first().waitFor();
    await visit(page, `${live}/admin/orders`, "订单");
    await visit(page, `${live}/admin/payments`, "收款");
    await visit(page, `${live}/admin/notifications`, "通知");
    await visit(page, `${live}/admin/restore-links`, "作废恢复链接");
    await visit(page, `${live}/admin/devices`, "添加设备");
    // The owner's newer pages: settings, alerts, what the blog sells, reconciliation, account.
    await visit(page, `${live}/admin/settings`, "站点名称");
    await visit(page, `${live}/admin/alerts`, "添加提醒");
    for (const p of ["passes", "series", "coupons", "redeem-codes", "reconcile", "account"])
      await visit(page, `${live}/admin/${p}`, "退出");
    expect(violations).toEqual([]);
    await ctx.close();
  }, 150_000);
});
