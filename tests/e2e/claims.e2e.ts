import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./support/browser";
import { notify, ownerContext } from "./support/site";
import { marked, unmarked } from "./support/marks";

const live = inject("liveUrl");
const demo = inject("demoUrl"); // ORDER_TTL_SECONDS=10
const GATED_INCOME = "付费专栏是意外之喜"; // in indie-income-report's gated part (demo content)
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe("我已付款 after the countdown", () => {
  it("reports the order's amount from the dialog, and the report alone unlocks nothing", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${demo}/posts/tea-and-time`);
    const created = page.waitForResponse((r) => r.url().endsWith("/api/orders") && r.request().method() === "POST");
    await page.getByRole("button", { name: /^阅读全文/ }).click();
    const order = await (await created).json();
    await page.getByRole("button", { name: "我已付款，但没有解锁" }).click({ timeout: 15_000 });
    const form = page.getByRole("form", { name: "报告付款" });
    expect(await form.getByLabel("付款金额（元）").inputValue()).toBe((order.amountCents / 100).toFixed(2));
    expect(await form.getByRole("radio", { name: "微信" }).isChecked()).toBe(true);
    await form.getByLabel("备注（可选）").fill("付款人 小林");
    await form.getByRole("button", { name: "提交付款报告" }).click();
    await page.getByTestId("claim-status").filter({ hasText: "等待站长核对" }).waitFor();

    await page.reload();
    expect(await page.content()).not.toContain("一次只做一件事");
    await page.getByTestId("claim-status").filter({ hasText: "等待站长核对" }).waitFor(); // shown on the post too
    const listed = await fetch(`${demo}/api/admin/claims?status=pending`, { headers: { authorization: `Bearer ${inject("adminToken")}` } });
    const items = ((await listed.json()) as { items: { note: string; order: { id: string } }[] }).items;
    expect(items.find((c) => c.note === "付款人 小林")?.order.id).toBe(order.id);
    await ctx.close();
  });
});

describe("我已付款 from 我的购买, assigned by the owner in one click", () => {
  it("lands beside the unmatched payment with the same amount and unlocks the reader's open page when assigned", async () => {
    const gated = GATED_INCOME;
    await notify(live, { type: "heartbeat" });
    const reader = await browser.newContext();
    const page = await reader.newPage();
    // The reader scanned an old saved code and typed ¥4.87: the phone's notice matches no order.
    expect(await notify(live, { package: "com.tencent.mm", title: "微信支付", content: "微信支付收款4.87元(朋友到店)" })).toEqual({
      result: "unmatched",
    });
    await page.goto(`${live}/me`);
    await page.getByRole("button", { name: "我付过款，但没有解锁" }).click();
    const form = page.getByRole("form", { name: "报告付款" });
    await form.getByLabel("文章").selectOption("indie-income-report");
    await form.getByLabel("付款金额（元）").fill("4.87");
    await form.getByRole("button", { name: "提交付款报告" }).click();
    await page.getByTestId("claim-status").filter({ hasText: "等待站长核对" }).waitFor();
    await page.goto(`${live}/posts/indie-income-report`);
    await page.getByTestId("claim-status").waitFor();
    expect(unmarked(await page.content())).not.toContain(gated);

    const owner = await ownerContext(browser, live);
    const inbox = await owner.newPage();
    await inbox.goto(`${live}/admin/payments`);
    const row = inbox.getByTestId("claim-row").filter({ hasText: "¥4.87" });
    await row.waitFor();
    expect(await row.textContent()).toContain("独立开发者的第一年");
    await row.getByRole("button", { name: /^分配 .* 到账的 ¥4\.87$/ }).click();
    await row.waitFor({ state: "detached", timeout: 10_000 });
    await owner.close();

    await page.getByText(marked(gated)).waitFor({ timeout: 15_000 }); // the open page refreshed itself
    expect(await page.getByTestId("claim-status").count()).toBe(0);
    await reader.close();
  });
});
