/**
 * A second receiving account, set up the way an owner would: the account and its code in the
 * admin, its phone connected; a reader who comes when the first account's amounts are all held
 * is shown the second account's code. A site of its own (port E2E_PORT+3) with a one-amount
 * band (AMOUNT_STEPS=0), so "the first account is full" takes one reader.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./support/browser";
import { startSite, type RunningSite } from "./support/server";
import { signNative } from "../../lib/notify/native-signature";
import { uploadUniversalCodes } from "../../scripts/lib/upload-codes";
import { qrPng } from "../support/qr-images";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const PASSWORD = "e2e-accounts-password";
const TOKEN = "e2e-accounts-token-0123456789abcdef";
const SECOND_CODE = "wxp://f2f0E2eSecondAccountCode";
const SLUG = "tea-and-time"; // seeded, ¥1.00
let site: RunningSite;
let browser: Browser;

async function heartbeat(deviceid: string, secret: string) {
  const body = JSON.stringify({ deviceid, type: "heartbeat" });
  const headers = signNative(secret, body, `msg_${Math.random().toString(36).slice(2)}`);
  const res = await fetch(`${site.url}/api/notify`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
  expect(res.status).toBe(200);
}

const adminApi = async (method: string, path: string, body?: unknown) =>
  (
    await fetch(`${site.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  ).json();

async function openDialog(page: Page) {
  await page.goto(`${site.url}/posts/${SLUG}`);
  const created = page.waitForResponse((r) => r.url().endsWith("/api/orders") && r.request().method() === "POST");
  await page.getByRole("button", { name: /^阅读全文/ }).click();
  const order = await (await created).json();
  await page.getByRole("dialog").waitFor();
  return order as { channel: string; amountCents: number; qr: { payload: string } };
}

beforeAll(async () => {
  site = await startSite(Number(process.env.E2E_PORT ?? 3900) + 3, {
    NOTIFY_SECRET: SECRET,
    ADMIN_PASSWORD: PASSWORD,
    ADMIN_TOKEN: TOKEN,
    AMOUNT_STEPS: "0",
  });
  await uploadUniversalCodes(site.url, TOKEN);
  await heartbeat("default-phone", SECRET);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe("a second receiving account", () => {
  it("is added with its code in the admin, and serves the reader who comes once the first account is full", async () => {
    const owner = await (await browser.newContext()).newPage();
    // A step that cannot happen fails with its locator named, well before the test's own timeout.
    owner.setDefaultTimeout(30_000);
    await owner.goto(`${site.url}/admin/login`);
    await owner.getByLabel("管理密码").fill(PASSWORD);
    await owner.getByRole("button", { name: "登录" }).click();
    await owner.waitForURL(`${site.url}/admin`);

    await owner.getByRole("link", { name: "收款账户", exact: true }).click();
    await owner.getByTestId("accounts-wechat").getByText("默认微信账户").waitFor();
    await owner.getByLabel("名称").fill("家人的微信");
    await owner.getByRole("button", { name: "添加", exact: true }).click();
    await owner.getByTestId("accounts-wechat").getByText("家人的微信").waitFor();

    await owner.goto(`${site.url}/admin/qr`);
    await owner.getByLabel("收款码图片").setInputFiles({ name: "family.png", mimeType: "image/png", buffer: await qrPng(SECOND_CODE) });
    await owner.getByLabel("收款账户").selectOption({ label: "微信·家人的微信" });
    await owner.getByRole("button", { name: "上传并识别" }).click();
    await owner.getByText("已添加 1 个收款码。").waitFor();
    await owner.getByText("收款账户：家人的微信").waitFor();

    // The family phone (its app configured from the device page's setup), online.
    const accounts = (await adminApi("GET", "/api/admin/accounts")).items as { id: string; name: string }[];
    const family = accounts.find((a) => a.name === "家人的微信")!;
    const device = await adminApi("POST", "/api/admin/devices", { name: "家人的手机", protocol: "native", accountId: family.id });
    await heartbeat(device.device.id, device.secret);
    await owner.goto(`${site.url}/admin/accounts`);
    await owner.getByTestId("accounts-wechat").getByText("手机在线").nth(1).waitFor();

    const first = await openDialog(await (await browser.newContext()).newPage());
    expect(first).toMatchObject({ channel: "wechat", amountCents: 100 });
    expect(first.qr.payload).not.toBe(SECOND_CODE);
    const reader = await (await browser.newContext()).newPage();
    const second = await openDialog(reader);
    expect(second).toMatchObject({ channel: "wechat", amountCents: 100, qr: { payload: SECOND_CODE } });
    await reader.getByRole("dialog").locator(`[data-qr-payload="${SECOND_CODE}"] svg`).waitFor();

    // The owner sees both accounts' amounts in use.
    await owner.reload();
    await owner.getByTestId("accounts-held").getByText("合计 2 个").waitFor();
  }, 180_000);
});
