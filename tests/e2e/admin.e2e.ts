import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "./support/browser";
import { signNative } from "../../lib/notify/native-signature";
import { qrPng } from "../support/qr-images";
import { startReceiver } from "../support/receiver";

const live = inject("liveUrl");
const secret = inject("notifySecret");
const PASSWORD = "e2e-admin-password"; // set for the live site by global-setup.ts
const SLUG = "e2e-admin-post";
const TEASER = "管理员写的公开开头 E2E-TEASER";
const GATED = "只有付费读者才能看到 E2E-GATED";
const PAYLOAD = "wxp://f2f0E2eAdminUploadedCode300";
const E2E_ORDER_AMOUNT = "¥3.00";
let browser: Browser;
let admin: BrowserContext;
let page: Page;

async function notify(payload: Record<string, unknown>) {
  const body = JSON.stringify({ deviceid: "e2e-phone", ...payload });
  const headers = signNative(secret, body, `msg_${Math.random().toString(36).slice(2)}`);
  const res = await fetch(`${live}/api/notify`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
  return res.json();
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await browser.newContext();
  page = await admin.newPage();
  await notify({ type: "heartbeat" });
});
afterAll(async () => browser?.close());

describe("the owner's admin in Chromium", () => {
  it("sends a visitor without a session to the login page, which is private and not indexed", async () => {
    await page.goto(`${live}/admin/posts`);
    expect(new URL(page.url()).pathname).toBe("/admin/login");
    const res = await fetch(`${live}/admin/login`);
    expect(res.headers.get("cache-control")).toMatch(/no-store/);
    expect(res.headers.get("x-robots-tag")).toMatch(/noindex/);
    expect(await res.text()).toMatch(/<meta name="robots" content="noindex, nofollow"/);
  });

  it("refuses a wrong password and logs in with the right one", async () => {
    await page.getByLabel("管理密码").fill("not the password");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("alert").filter({ hasText: "密码错误" }).waitFor();
    await page.getByLabel("管理密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`${live}/admin`);
    await page.getByText("每日收入（北京时间）").waitFor();
    await page.getByRole("link", { name: "文章", exact: true }).click();
    await page.getByRole("link", { name: "写文章" }).waitFor();
  });

  it("writes a paid post with a divider: teaser public, body gated for an anonymous reader", async () => {
    await page.getByRole("link", { name: "写文章" }).click();
    await page.getByLabel("标题").fill("管理后台端到端测试");
    await page.getByLabel("网址（slug）").fill(SLUG);
    await page.getByLabel("价格（元，0 为免费）").fill("3");
    await page.getByLabel(/^正文/).fill(`${TEASER}\n\n<!-- more -->\n\n${GATED}`);
    await page.getByLabel("预览").getByText("E2E-GATED").waitFor();
    await page.getByRole("button", { name: "发布" }).click();
    await page.waitForURL(/\/admin\/posts\?saved=/);
    await page.getByRole("link", { name: "管理后台端到端测试" }).waitFor();

    const anonymous = await browser.newContext();
    const reader = await anonymous.newPage();
    const res = await reader.goto(`${live}/posts/${SLUG}`);
    const html = (await res!.text()) + (await reader.content());
    expect(html).toContain("E2E-TEASER");
    expect(html).not.toContain("E2E-GATED");
    await anonymous.close();
  });

  it("never sends the post editor's Markdown to a visitor without a session, even replaying the editor's RSC request", async () => {
    // Capture the client-side navigation request the logged-in owner's browser makes
    // (it tells the server the admin layout is already rendered), then replay it without the cookie.
    await page.goto(`${live}/admin/posts`);
    const rsc = page.waitForRequest((r) => {
      const h = r.headers();
      return r.url().includes(`/admin/posts/${SLUG}`) && !!h["rsc"] && !h["next-router-prefetch"];
    });
    await page.getByRole("link", { name: "管理后台端到端测试" }).first().click();
    const request = await rsc;
    const headers = Object.fromEntries(Object.entries(request.headers()).filter(([k]) => k === "rsc" || k.startsWith("next-")));
    const replay = await (await fetch(request.url(), { headers })).text();
    expect(replay).not.toContain("E2E-GATED");
  });

  it("uploads a QR code image and shows it re-rendered from the decoded payload", async () => {
    await page.goto(`${live}/admin/qr`);
    await page.getByLabel("收款码图片").setInputFiles({ name: "3.00.png", mimeType: "image/png", buffer: await qrPng(PAYLOAD) });
    await page.getByRole("button", { name: "上传并识别" }).click();
    await page.getByRole("status").filter({ hasText: "已添加 1 个收款码" }).waitFor();
    await page.locator(`[data-qr-payload="${PAYLOAD}"] svg`).waitFor();
    await page.getByText("微信 ¥3.00", { exact: true }).waitFor();
  });

  it("shows a reader's payment arriving for the new post", async () => {
    const ctx = await browser.newContext();
    const reader = await ctx.newPage();
    await reader.goto(`${live}/posts/${SLUG}`);
    const created = reader.waitForResponse((r) => r.url().endsWith("/api/orders") && r.request().method() === "POST");
    await reader.getByRole("button", { name: /^阅读全文/ }).click();
    const order = await (await created).json();
    expect(order).toMatchObject({ channel: "wechat", amountCents: 300, qr: { payload: PAYLOAD, fixedAmount: true } });

    const res = await notify({ package: "com.tencent.mm", title: "微信支付", content: "微信支付收款3.00元(朋友到店)" });
    expect(res).toEqual({ result: "matched", orderId: order.id });
    await reader.getByText("E2E-GATED").waitFor({ timeout: 5000 });
    await ctx.close();

    await page.goto(`${live}/admin`);
    const top = page.getByRole("link", { name: "管理后台端到端测试" });
    await top.waitFor();
    expect(await page.locator("li", { has: top }).textContent()).toContain("¥3.00");
    await page.getByText("通知手机在线").waitFor();
  });

  it("renders every admin page with the merged APIs and no client-side error", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // A payment no order holds lands in the unmatched inbox (the payments page's default view).
    expect(await notify({ package: "com.tencent.mm", title: "微信支付", content: "微信支付收款7.77元(朋友到店)" })).toEqual({
      result: "unmatched",
    });
    const pages: [string, string][] = [
      ["/admin/orders", E2E_ORDER_AMOUNT],
      ["/admin/payments", "¥7.77"],
      ["/admin/notifications", "识别为微信 ¥3.00"],
      ["/admin/qr", "可同时付款人数"],
      ["/admin/devices", "设备"],
    ];
    for (const [path, text] of pages) {
      await page.goto(`${live}${path}`);
      await page.getByText(text).first().waitFor({ timeout: 10_000 });
      expect(await page.getByText("暂不可用").count(), path).toBe(0);
    }
    expect(errors).toEqual([]);
  });

  it("explains why a payment does not fit the chosen order and assigns it only after the owner confirms", async () => {
    const upload = await page.request.post(`${live}/api/admin/qr-codes`, {
      multipart: { files: { name: "alipay.png", mimeType: "image/png", buffer: await qrPng("https://qr.alipay.com/fkx0E2eForceAssign") } },
    });
    expect(upload.status()).toBe(201);
    await notify({ type: "heartbeat" });
    const created = await fetch(`${live}/api/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: live },
      body: JSON.stringify({ slug: SLUG, channel: "alipay" }),
    });
    expect(created.status).toBe(201);
    const order = (await created.json()) as { id: string };

    await page.goto(`${live}/admin/payments`);
    const row = page.locator("li", { hasText: "¥7.77" });
    await row.waitFor();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(`${d.type()}:${d.message()}`);
      void (d.type() === "prompt" ? d.accept(order.id) : d.accept());
    });
    await row.getByRole("button", { name: "分配给订单" }).click();
    await row.waitFor({ state: "detached", timeout: 10_000 });
    expect(dialogs).toHaveLength(2);
    expect(dialogs[1]).toMatch(/^confirm:这笔收款来自微信，订单却是支付宝付款/);
    const assigned = await (await page.request.get(`${live}/api/admin/payments?status=assigned`)).json();
    expect(assigned.items).toEqual(expect.arrayContaining([expect.objectContaining({ amountCents: 777, orderId: order.id })]));
  });

  it("adds a notifier device and shows its secret exactly once", async () => {
    await page.goto(`${live}/admin/devices`);
    await page.getByLabel("名称").fill("测试手机");
    await page.getByLabel("应用").selectOption("smsforwarder");
    await page.getByRole("button", { name: "添加" }).click();
    const shown = page.getByRole("region", { name: "设备密钥" });
    await shown.waitFor();
    expect(await page.getByTestId("device-setup").textContent()).toContain('"org_content": "[org_content]"');
    const secretValue = await shown.getByLabel("密钥", { exact: true }).inputValue();
    expect(secretValue).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await page.reload();
    await page.getByText("测试手机").waitFor();
    expect(await page.content()).not.toContain(secretValue);
  });

  it("refuses an alert to a loopback address until 允许内网地址 is ticked, then delivers its test there", async () => {
    const rx = await startReceiver();
    try {
      await page.goto(`${live}/admin/alerts`);
      await page.getByLabel("方式").selectOption("webhook");
      await page.getByLabel("名称（可选）").fill("本机接收端");
      await page.getByLabel("接收地址").fill(`${rx.url}/hook`);
      await page.getByRole("button", { name: "添加提醒" }).click();
      await page.getByRole("alert").filter({ hasText: "允许内网地址" }).waitFor();
      await page.getByLabel("允许内网地址").check();
      await page.getByRole("button", { name: "添加提醒" }).click();
      const row = page.getByTestId("alert-row").filter({ hasText: "本机接收端" });
      await row.getByText("允许内网地址").waitFor();
      await row.getByRole("button", { name: "发送测试" }).click();
      await row.getByRole("status").filter({ hasText: "已送达" }).waitFor();
      expect(JSON.parse(rx.requests[0].body)).toMatchObject({ type: "alert.test" });
    } finally {
      await rx.close();
    }
  });

  it("sets a merchant's 未付上限 (unpaid orders without a buyer address) in 网关商户", async () => {
    await page.goto(`${live}/admin/merchants`);
    await page.getByLabel("名称").fill("上限测试商户");
    await page.getByLabel("允许的通知/跳转域名（空格分隔，含子域名）").fill("shop.example.com");
    await page.getByLabel("同时未付订单上限").fill("35");
    await page.getByRole("button", { name: "创建并显示密钥" }).click();
    await page.getByText("上限测试商户").first().waitFor();
    const listed = await (await page.request.get(`${live}/api/admin/merchants`)).json();
    expect(listed.items).toEqual(expect.arrayContaining([expect.objectContaining({ name: "上限测试商户", maxHeldOrders: 35 })]));
    await page.getByText("未付上限 35").waitFor();
  });

  it("logs out, after which the admin pages send the owner back to login", async () => {
    await page.getByRole("button", { name: "退出" }).click();
    await page.waitForURL(`${live}/admin/login`);
    await page.goto(`${live}/admin`);
    expect(new URL(page.url()).pathname).toBe("/admin/login");
    const api = await page.request.get(`${live}/api/admin/dashboard`);
    expect(api.status()).toBe(401);
  });
});
