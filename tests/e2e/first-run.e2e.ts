import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./support/browser";
import { startSite, type RunningSite } from "./support/server";
import { signNative } from "../../lib/notify/native-signature";
import { uploadUniversalCodes } from "../../scripts/lib/upload-codes";
import { startReceiver, type Receiver } from "../support/receiver";

/**
 * A fresh site of its own (port E2E_PORT+2): no ADMIN_PASSWORD, so npm start
 * prints a one-time setup link; the owner chooses a password in Chromium, is
 * walked through going live, and the background worker delivers an alert.
 */
const TOKEN = "e2e-first-run-token-0123456789abcdef";
const PASSWORD = "owner chose this in the browser";
let site: RunningSite;
let browser: Browser;
let page: Page;
let rx: Receiver;

beforeAll(async () => {
  site = await startSite(Number(process.env.E2E_PORT ?? 3900) + 2, {
    ADMIN_TOKEN: TOKEN,
    SESSION_SECRET: "e2e-first-run-session-secret-0123",
  });
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  rx = await startReceiver();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await rx?.close();
});

function setupLink(): string {
  const m = /http:\/\/localhost:\d+(\/admin\/setup\/[\w-]+)/.exec(site.log());
  expect(m, site.log()).not.toBeNull();
  return `${site.url}${m![1]}`;
}

async function notify(deviceId: string, secret: string, payload: Record<string, unknown>) {
  const body = JSON.stringify({ deviceid: deviceId, ...payload });
  const headers = signNative(secret, body, `msg_${Math.random().toString(36).slice(2)}`);
  const res = await fetch(`${site.url}/api/notify`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
  expect(res.status).toBe(200);
}

describe("first run in the browser", () => {
  it("prints a one-time setup link; choosing a password there lands in the go-live walkthrough, and the link then stops working", async () => {
    const link = setupLink();
    await page.goto(link);
    await page.getByLabel(/新的管理密码/).fill(PASSWORD);
    await page.getByLabel("再输入一次").fill("a different one");
    await page.getByRole("button", { name: "保存并进入后台" }).click();
    await page.getByRole("alert").filter({ hasText: "两次输入的密码不一致" }).waitFor();
    await page.getByLabel("再输入一次").fill(PASSWORD);
    await page.getByRole("button", { name: "保存并进入后台" }).click();
    await page.waitForURL(`${site.url}/admin/go-live`);
    await page.getByRole("heading", { name: "上线向导" }).waitFor();

    const other = await browser.newPage();
    await other.goto(link);
    await other.getByText("管理密码已经设置过了").waitFor();
    await other.close();
  });

  it("logs out on the server and back in with the chosen password", async () => {
    const cookie = (await page.context().cookies()).find((c) => c.name === "pw_admin")!;
    await page.getByRole("button", { name: "退出" }).click();
    await page.waitForURL(/\/admin\/login/);
    // The old cookie no longer opens the admin API, even replayed by hand.
    const replay = await fetch(`${site.url}/api/admin/dashboard`, { headers: { cookie: `pw_admin=${cookie.value}` } });
    expect(replay.status).toBe(401);
    await page.getByLabel("管理密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    // The walkthrough page polls: after logging out there, the login may carry ?next=/admin/go-live.
    await page.waitForURL(/\/admin(\/go-live)?$/);
    await page.goto(`${site.url}/admin`);
    await page.getByText("还没有完成上线设置").click();
    await page.waitForURL(`${site.url}/admin/go-live`);
  });

  it("walks through going live: codes → a phone with its setup → a test → done", async () => {
    await uploadUniversalCodes(site.url, TOKEN);
    await page.getByText("已上传微信 1 个、支付宝 1 个").waitFor();

    await page.getByLabel("转发应用").selectOption("native");
    await page.getByRole("button", { name: "添加并显示配置" }).click();
    const deviceId = await page.getByLabel("设备 ID").inputValue();
    const secret = await page.getByLabel("密钥", { exact: true }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByTestId("device-setup").textContent()).resolves.toContain("/api/notify");
    await page.getByRole("button", { name: "我已保存" }).click();

    await notify(deviceId, secret, { type: "heartbeat" });
    await page.getByText("在线").first().waitFor();
    await notify(deviceId, secret, { package: "com.tencent.mm", title: "微信支付", content: "微信支付收款0.01元(朋友到店)" });
    await page.getByTestId("go-live-last").filter({ hasText: "识别为收款 ¥0.01" }).waitFor();
    await page.getByRole("link", { name: "完成，进入概览" }).click();
    await page.waitForURL(`${site.url}/admin`);
    await page.getByText("每日收入（北京时间）").waitFor();
    // The dashboard may first show what it fetched earlier; the fresh answer has no go-live banner.
    await page.getByText("还没有完成上线设置").waitFor({ state: "detached" });

    // The background worker runs in the production server: an alert arrives without anyone asking.
    const created = await fetch(`${site.url}/api/admin/alerts`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ kind: "webhook", url: `${rx.url}/hook`, events: ["notification.unreadable"], allowPrivate: true }),
    });
    expect(created.status).toBe(201);
    await notify(deviceId, secret, { package: "com.tencent.mm", title: "微信支付", content: "收款到账通知" });
    const deadline = Date.now() + 20_000;
    while (rx.requests.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(JSON.parse(rx.requests[0].body)).toMatchObject({ type: "notification.unreadable", data: { text: "收款到账通知" } });
  });

  it("reconciles an uploaded WeChat XLSX bill and shows the report", async () => {
    await page.getByRole("link", { name: "对账", exact: true }).click();
    await page.getByLabel("账单文件").setInputFiles(path.join(import.meta.dirname, "..", "fixtures", "bills", "wechat.xlsx"));
    await page.getByRole("button", { name: "上传并对账" }).click();
    // No orders on this site in March 2025: all five incomes wait in the inbox.
    await expect(page.getByTestId("reconcile-放入待处理").textContent()).resolves.toBe("5");
    await page.getByText("微信账单").first().waitFor();
    await page.getByRole("link", { name: "收款", exact: true }).click();
    await page.getByText("对账补记（手机没有通知）").first().waitFor();
  });
});
