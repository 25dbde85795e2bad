import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./support/browser";
import { signNative } from "../../lib/notify/native-signature";
import { alipayReceipt } from "../support/notify";
import { epaySign, startMerchantSite, type MerchantSite } from "../support/merchant-site";

const live = inject("liveUrl");
const secret = inject("notifySecret");
const token = inject("liveAdminToken");
let browser: Browser;
let site: MerchantSite;
let merchant: { pid: number; key: string };

async function notify(payload: Record<string, unknown>) {
  const body = JSON.stringify({ deviceid: "e2e-phone", ...payload });
  const headers = signNative(secret, body, `msg_${Math.random().toString(36).slice(2)}`);
  return (await fetch(`${live}/api/notify`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body })).json();
}

beforeAll(async () => {
  browser = await launchBrowser();
  await notify({ type: "heartbeat" });
  site = await startMerchantSite("epay", () => merchant.key);
  const res = await fetch(`${live}/api/admin/merchants`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "端到端发卡网", notifyDomains: ["127.0.0.1"], allowPrivate: true }),
  });
  expect(res.status).toBe(201);
  merchant = await res.json();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("the gateway's hosted checkout in Chromium", () => {
  it("takes a buyer from a shop's 易支付 link to the QR, and back to the shop with signed parameters once the phone reports the payment", async () => {
    const fields: Record<string, string> = {
      pid: String(merchant.pid),
      type: "alipay",
      out_trade_no: `E2E${Date.now()}`,
      notify_url: `${site.url}/pay/yipay/notify_url`,
      return_url: `${site.url}/pay/yipay/return_url?order_id=E2E`,
      name: "端到端测试商品",
      money: "3",
    };
    const link = `${live}/submit.php?${new URLSearchParams({ ...fields, sign: epaySign(fields, merchant.key), sign_type: "MD5" })}`;
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const cspErrors: string[] = [];
    page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && cspErrors.push(m.text()));

    const created = page.waitForResponse((r) => /\/api\/pay\/\d{19}$/.test(r.url()) && r.request().method() === "POST");
    await page.goto(link);
    expect(page.url()).toMatch(/\/pay\/\d{19}$/);
    await page.getByTestId("checkout-name").filter({ hasText: "端到端测试商品" }).waitFor();
    const order = await (await created).json();
    expect(order).toMatchObject({ kind: "merchant", channel: "alipay", status: "pending" });
    await page
      .getByTestId("pay-amount")
      .filter({ hasText: `¥${(order.amountCents / 100).toFixed(2)}` })
      .waitFor();
    await page.getByTestId("countdown").waitFor();
    expect(await page.getByRole("img", { name: /支付宝收款码/ }).count()).toBe(1);

    expect(await notify(alipayReceipt(order.amountCents))).toEqual({ result: "matched", orderId: order.id });
    await page.waitForURL(/\/pay\/yipay\/return_url\?order_id=E2E&/, { timeout: 10_000 });
    const back = Object.fromEntries([...new URL(page.url()).searchParams].filter(([k]) => k !== "order_id"));
    expect(back).toMatchObject({ out_trade_no: fields.out_trade_no, money: "3", trade_status: "TRADE_SUCCESS", type: "alipay" });
    expect(back.sign).toBe(epaySign(back, merchant.key));

    // The worker (every few seconds) tells the shop's server too.
    await expect.poll(() => site.notifies.filter((n) => n.path === "/pay/yipay/notify_url" && n.valid).length, { timeout: 15_000 }).toBe(1);
    expect(cspErrors).toEqual([]);
    await ctx.close();
  });
});
