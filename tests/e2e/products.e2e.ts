import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./support/browser";
import { signNative } from "../../lib/notify/native-signature";
import { wechatReceipt } from "../support/notify";
import { marked } from "./support/marks";

const live = inject("liveUrl");
const secret = inject("notifySecret");
const token = inject("liveAdminToken");
const PASSWORD = "e2e-admin-password"; // set for the live site by global-setup.ts
const TEA = { slug: "tea-and-time", gated: "一次只做一件事" }; // demo content, ¥1.00
const REPORT = { slug: "indie-income-report", gated: "收入明细" }; // demo content, ¥5.00
const REDEEM_POST = { slug: "e2e-redeem-post", title: "兑换码端到端测试文章", gated: "E2E-REDEEM-GATED" };
let browser: Browser;

async function notify(payload: Record<string, unknown>) {
  const body = JSON.stringify({ deviceid: "e2e-phone", ...payload });
  const headers = signNative(secret, body, `msg_${Math.random().toString(36).slice(2)}`);
  return (await fetch(`${live}/api/notify`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body })).json();
}

async function adminApi(method: string, path: string, body: unknown) {
  const res = await fetch(`${live}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status, path).toBeLessThan(300);
  return res.json();
}

beforeAll(async () => {
  browser = await launchBrowser();
  await notify({ type: "heartbeat" });
});
afterAll(async () => browser?.close());

describe("what a paid blog sells, in Chromium", () => {
  it("buys a site pass from a post's paywall; the page unlocks and so does every other paid post", async () => {
    const pass = await adminApi("POST", "/api/admin/passes", { name: "全站通 30 天", priceCents: 990, days: 30 });
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${live}/posts/${TEA.slug}`);
    await page.getByRole("button", { name: /^阅读全文 ¥1\.00/ }).waitFor();
    const created = page.waitForResponse((r) => r.url().endsWith("/api/orders") && r.request().method() === "POST");
    await page.getByRole("button", { name: "¥9.90 全站 30 天" }).click();
    const order = await (await created).json();
    expect(order).toMatchObject({ kind: "pass", passId: pass.id, listPriceCents: 990 });
    await page.getByRole("heading", { name: "购买全站通 30 天" }).waitFor();
    await page
      .getByTestId("pay-amount")
      .filter({ hasText: `¥${(order.amountCents / 100).toFixed(2)}` })
      .waitFor();

    expect(await notify(wechatReceipt(order.amountCents))).toEqual({ result: "matched", orderId: order.id });
    await page.getByText(marked(TEA.gated)).waitFor({ timeout: 5000 });
    expect(await page.getByRole("dialog").count()).toBe(0);

    await page.goto(`${live}/posts/${REPORT.slug}`);
    await page.getByText(marked(REPORT.gated)).waitFor();
    expect(await page.getByRole("button", { name: /^阅读全文/ }).count()).toBe(0);

    await page.goto(`${live}/me`);
    const card = page.getByTestId("pass-card");
    expect(await card.textContent()).toMatch(/有效期至 \d{4}年\d{1,2}月\d{1,2}日/);
    await card.getByRole("button", { name: "续费 30 天 ¥9.90" }).waitFor();

    // Another reader still meets the paywall.
    const stranger = await browser.newContext();
    const other = await stranger.newPage();
    await other.goto(`${live}/posts/${REPORT.slug}`);
    expect(await other.content()).not.toContain(REPORT.gated);
    await Promise.all([stranger.close(), ctx.close()]);
    await adminApi("PATCH", `/api/admin/passes/${pass.id}`, { active: false });
  });

  it("the owner generates a redeem code in the admin; a reader redeems it on a second device, once", async () => {
    await adminApi("POST", "/api/admin/articles", {
      slug: REDEEM_POST.slug,
      title: REDEEM_POST.title,
      priceCents: 200,
      markdown: `兑换码测试的公开开头\n\n<!-- more -->\n\n${REDEEM_POST.gated}`,
      published: true,
    });
    const owner = await browser.newContext();
    const admin = await owner.newPage();
    await admin.goto(`${live}/admin/login`);
    await admin.getByLabel("管理密码").fill(PASSWORD);
    await admin.getByRole("button", { name: "登录" }).click();
    await admin.waitForURL(`${live}/admin`);
    await admin.getByRole("link", { name: "兑换码", exact: true }).click();
    await admin.getByRole("option", { name: REDEEM_POST.title }).waitFor({ state: "attached" });
    await admin.getByLabel("内容").selectOption({ label: REDEEM_POST.title });
    await admin.getByLabel("数量").fill("1");
    await admin.getByRole("button", { name: "生成" }).click();
    const code = await admin.getByTestId("created-codes").getByLabel("兑换码").inputValue();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await admin.getByText("未使用 1 · 已兑换 0").waitFor();

    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    });
    const reader = await phone.newPage();
    await reader.goto(`${live}/posts/${REDEEM_POST.slug}`);
    expect(await reader.content()).not.toContain(REDEEM_POST.gated);
    await reader.goto(`${live}/me`);
    await reader.getByLabel("兑换码").fill(code.toLowerCase());
    await reader.getByRole("button", { name: "兑换" }).click();
    await reader
      .getByRole("status")
      .filter({ hasText: `兑换成功：「${REDEEM_POST.title}」` })
      .waitFor();
    await reader.getByRole("link", { name: REDEEM_POST.title }).waitFor(); // listed in 我的购买 after the refresh
    await reader.getByRole("link", { name: "去阅读" }).click();
    await reader.getByText(REDEEM_POST.gated).waitFor();

    const third = await browser.newContext();
    const late = await third.newPage();
    await late.goto(`${live}/me`);
    await late.getByLabel("兑换码").fill(code);
    await late.getByRole("button", { name: "兑换" }).click();
    await late.getByRole("alert").filter({ hasText: "这个兑换码已被使用" }).waitFor();

    await admin.reload();
    await admin.getByText("未使用 0 · 已兑换 1").waitFor();
    await Promise.all([owner.close(), phone.close(), third.close()]);
  });

  it("renders the new admin pages and the dashboard's split by kind without a client-side error", async () => {
    const owner = await browser.newContext();
    const admin = await owner.newPage();
    const errors: string[] = [];
    admin.on("pageerror", (e) => errors.push(e.message));
    await admin.goto(`${live}/admin/login`);
    await admin.getByLabel("管理密码").fill(PASSWORD);
    await admin.getByRole("button", { name: "登录" }).click();
    await admin.waitForURL(`${live}/admin`);
    expect(await admin.getByTestId("kind-split").textContent()).toMatch(/全站通¥9\.\d\d/);
    for (const [path, text] of [
      ["/admin/passes", "全站通 30 天"],
      ["/admin/series", "新建专栏"],
      ["/admin/redeem-codes", `「${REDEEM_POST.title}」`],
      ["/admin/coupons", "添加优惠码"],
    ]) {
      await admin.goto(`${live}${path}`);
      await admin.getByText(text).first().waitFor();
    }
    expect(errors).toEqual([]);
    await owner.close();
  });
});
