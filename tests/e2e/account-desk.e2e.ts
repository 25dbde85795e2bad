/**
 * Keeping the receiving account alive, in a real browser (issue 23): 付不了？ moves the reader to
 * another account in the same dialog; a purchase's receipt and request in 我的购买, answered by the
 * owner in the admin; a standby phone settling the payment when the primary stays silent.
 * A site of its own (port E2E_PORT+4) with two WeChat accounts, three amounts each (AMOUNT_STEPS=2),
 * no late grace (a closed dialog frees its amount at once) and a 5-second standby wait.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import QRCode from "qrcode";
import { launchBrowser } from "./support/browser";
import { startSite, type RunningSite } from "./support/server";
import { signNative } from "../../lib/notify/native-signature";
import { receiptText } from "../../lib/notify/receipt-text";
import { uploadUniversalCodes } from "../../scripts/lib/upload-codes";
import { marked } from "./support/marks";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const PASSWORD = "e2e-desk-password";
const TOKEN = "e2e-desk-token-0123456789abcdef";
const FAMILY_CODE = "wxp://f2f0E2eFamilyAccountCode";
const SLUG = "tea-and-time"; // seeded, ¥1.00
const GATED = "一次只做一件事";
let site: RunningSite;
let browser: Browser;
let family: { id: string; phone: { id: string; secret: string } };

async function notify(deviceid: string, secret: string, payload: Record<string, unknown>) {
  const body = JSON.stringify({ deviceid, ...payload });
  const headers = signNative(secret, body, `msg_${Math.random().toString(36).slice(2)}`);
  const res = await fetch(`${site.url}/api/notify`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
  expect(res.status).toBe(200);
  return res.json();
}
const heartbeat = (deviceid: string, secret: string) => notify(deviceid, secret, { type: "heartbeat" });

async function adminApi<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${site.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.json() as Promise<T>;
}

async function ownerPage(): Promise<Page> {
  const owner = await (await browser.newContext()).newPage();
  owner.setDefaultTimeout(30_000);
  await owner.goto(`${site.url}/admin/login`);
  await owner.getByLabel("管理密码").fill(PASSWORD);
  await owner.getByRole("button", { name: "登录" }).click();
  await owner.waitForURL(`${site.url}/admin`);
  return owner;
}

async function reader(): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  return { ctx, page };
}

async function openDialog(page: Page) {
  await page.goto(`${site.url}/posts/${SLUG}`);
  const created = page.waitForResponse((r) => r.url().endsWith("/api/orders") && r.request().method() === "POST");
  await page.getByRole("button", { name: /^阅读全文/ }).click();
  const order = (await (await created).json()) as { id: string; amountCents: number; qr: { payload: string }; payee: string | null };
  await page.getByRole("dialog").waitFor();
  return order;
}

beforeAll(async () => {
  site = await startSite(Number(process.env.E2E_PORT ?? 3900) + 4, {
    NOTIFY_SECRET: SECRET,
    ADMIN_PASSWORD: PASSWORD,
    ADMIN_TOKEN: TOKEN,
    AMOUNT_STEPS: "2",
    LATE_GRACE_SECONDS: "0",
    ECHO_WINDOW_SECONDS: "0",
    STANDBY_WAIT_SECONDS: "5",
  });
  await uploadUniversalCodes(site.url, TOKEN);
  await heartbeat("default-phone", SECRET);
  // The family's WeChat account: its own code and its own phone, set up through the owner's API.
  const account = await adminApi<{ id: string }>("POST", "/api/admin/accounts", { channel: "wechat", name: "家人的微信" });
  const form = new FormData();
  form.append("files", new Blob([new Uint8Array(await QRCode.toBuffer(FAMILY_CODE, { width: 400 }))], { type: "image/png" }), "f.png");
  form.append("accountId", account.id);
  const up = await fetch(`${site.url}/api/admin/qr-codes`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body: form });
  expect(up.status).toBe(201);
  const dev = await adminApi<{ device: { id: string }; secret: string }>("POST", "/api/admin/devices", {
    name: "家人的手机",
    protocol: "native",
    accountIds: [account.id],
  });
  family = { id: account.id, phone: { id: dev.device.id, secret: dev.secret } };
  await heartbeat(family.phone.id, family.phone.secret);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe("付不了？ in the pay dialog", () => {
  it("takes the reader's report, pauses the refused account and shows another account's code in the same dialog", async () => {
    const { ctx, page } = await reader();
    const first = await openDialog(page);
    expect(first.qr.payload).not.toBe(FAMILY_CODE);
    await page.getByRole("button", { name: "付不了？" }).click();
    await page.getByLabel("收款方存在违规行为").check();
    const next = page.waitForResponse((r) => r.url().endsWith("/api/orders") && r.request().method() === "POST");
    await page.getByRole("button", { name: "告诉站长" }).click();
    expect(((await (await next).json()) as { qr: { payload: string } }).qr.payload).toBe(FAMILY_CODE);
    await page.getByTestId("problem-note").filter({ hasText: "已换一个微信收款账户" }).waitFor();
    await page.getByRole("dialog").locator(`[data-qr-payload="${FAMILY_CODE}"] svg`).waitFor();

    // The owner sees the account paused, why, and the report.
    const owner = await ownerPage();
    await owner.goto(`${site.url}/admin/accounts`);
    await owner.getByTestId("account-evidence").filter({ hasText: "收款方存在违规行为" }).waitFor();
    await owner.goto(`${site.url}/admin/requests`);
    await owner.getByTestId("problem-list").getByText("已暂停该账户").waitFor();
    await owner.context().close();
    await ctx.close();
  }, 180_000);
});

describe("我的购买: a receipt and a desk", () => {
  it("shows the payee before paying and on the receipt, and carries the reader's request to the owner and the reply back", async () => {
    await adminApi("PATCH", "/api/admin/accounts/acct_wechat", { resume: true, payeeName: "张小明" });
    const { ctx, page } = await reader();
    const order = await openDialog(page);
    await page.getByTestId("pay-payee").filter({ hasText: "张小明" }).waitFor();
    expect(await notify("default-phone", SECRET, receiptText("wechat", order.amountCents))).toMatchObject({ result: "matched" });
    await page.getByText(marked(GATED)).waitFor();

    await page.goto(`${site.url}/me`);
    const receipt = page.getByTestId("receipt").first();
    await receipt.getByText(`订单号 ${order.id}`).waitFor();
    expect(await receipt.textContent()).toContain("收款人 **明");
    await receipt.getByRole("button", { name: "申请退款 / 有问题" }).click();
    await receipt.getByLabel("说明").fill("第二段的图片显示不出来");
    await receipt.getByRole("button", { name: "提交给站长" }).click();
    await receipt.getByTestId("receipt-request").getByText("等待站长答复").waitFor();

    const owner = await ownerPage();
    await owner.goto(`${site.url}/admin/requests`);
    const row = owner.getByTestId("request-row").filter({ hasText: "第二段的图片显示不出来" });
    await row.getByLabel("给读者的答复").fill("图片已重新上传，请刷新");
    await row.getByRole("button", { name: "已解决" }).click();
    await owner.getByTestId("request-row").getByText("答复：图片已重新上传，请刷新").waitFor();

    await page.reload();
    await page.getByTestId("receipt-request").getByText("站长答复：图片已重新上传，请刷新").waitFor();
    await owner.context().close();
    await ctx.close();
  }, 180_000);
});

describe("a standby phone", () => {
  it("settles the reader's order with the standby's report when the primary stays silent, and the devices page shows both phones", async () => {
    // Orders go to the family account (the default one paused), whose primary phone is online but will not report.
    await adminApi("PATCH", "/api/admin/accounts/acct_wechat", { pause: true });
    const standby = await adminApi<{ device: { id: string }; secret: string }>("POST", "/api/admin/devices", {
      name: "店员的旧手机",
      protocol: "native",
      accounts: [{ id: family.id, role: "standby" }],
    });
    await heartbeat(standby.device.id, standby.secret);
    await heartbeat(family.phone.id, family.phone.secret);
    const { ctx, page } = await reader();
    const order = await openDialog(page);
    expect(order.qr.payload).toBe(FAMILY_CODE);
    expect(await notify(standby.device.id, standby.secret, receiptText("wechat", order.amountCents))).toEqual({ result: "waiting" });
    // STANDBY_WAIT_SECONDS (5) plus a worker round (3 s): the job settles it and the page unlocks.
    await page.getByText(marked(GATED)).waitFor({ timeout: 30_000 });

    const owner = await ownerPage();
    await owner.goto(`${site.url}/admin/devices`);
    await owner.getByLabel("店员的旧手机在微信账户的角色").waitFor();
    expect(await owner.getByLabel("店员的旧手机在微信账户的角色").inputValue()).toBe("standby");
    expect(await owner.getByLabel("家人的手机在微信账户的角色").inputValue()).toBe("primary");
    await owner.goto(`${site.url}/admin/accounts`);
    await owner.getByText("店员的旧手机（备用，在线）").waitFor();
    await owner.context().close();
    await ctx.close();
  }, 180_000);
});
