import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { sign } from "cookie-signature";
import { launchBrowser } from "./support/browser";
import { signNative } from "../../lib/notify/native-signature";
import { newReaderId, READER_COOKIE, signReaderId, verifyReaderCookie } from "../../lib/readers/session";
import { wechatReceipt } from "../support/notify";

const live = inject("liveUrl");
const secret = inject("notifySecret");
const sessionSecret = inject("liveSessionSecret");
let browser: Browser;

async function notify(payload: Record<string, unknown>) {
  const body = JSON.stringify({ deviceid: "e2e-phone", ...payload });
  const headers = signNative(secret, body, `msg_${Math.random().toString(36).slice(2)}`);
  return (await fetch(`${live}/api/notify`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body })).json();
}

/** Buys an article as the browser context's reader: an order with its cookie, then the phone's receipt. */
async function buy(ctx: BrowserContext, slug: string) {
  await notify({ type: "heartbeat" });
  const order = await (
    await ctx.request.post(`${live}/api/orders`, { data: { slug, channel: "wechat" }, headers: { origin: live } })
  ).json();
  expect(await notify(wechatReceipt(order.amountCents))).toMatchObject({ result: "matched", orderId: order.id });
}

async function readerOf(ctx: BrowserContext): Promise<string | null> {
  const c = (await ctx.cookies(live)).find((x) => x.name === READER_COOKIE);
  return c ? verifyReaderCookie(decodeURIComponent(c.value), sessionSecret) : null;
}

async function purchasesOn(ctx: BrowserContext): Promise<string> {
  const page = await ctx.newPage();
  await page.goto(`${live}/me`);
  const text = (await page.locator("main").textContent()) ?? "";
  await page.close();
  return text;
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe("restore links through real routing", () => {
  it("shows a confirmation that changes nothing, then switches the device on 确认恢复 without moving purchases", async () => {
    const owner = await browser.newContext();
    await buy(owner, "tea-and-time");
    const page = await owner.newPage();
    await page.goto(`${live}/me`);
    const link = await page.getByLabel("恢复链接").inputValue();
    expect(link).toMatch(new RegExp(`^${live}/restore/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$`));

    const other = await browser.newContext();
    await buy(other, "indie-income-report");
    const before = await readerOf(other);
    const confirmPage = await other.newPage();
    const res = await confirmPage.goto(link);
    expect(res?.status()).toBe(200);
    await confirmPage.getByRole("heading", { name: "恢复购买记录" }).waitFor();
    expect(await confirmPage.locator("main").textContent()).toContain("一杯茶的时间");
    // This device's own purchase stays reachable: its own link is shown before switching.
    const ownLink = await confirmPage.getByLabel("这台设备自己的恢复链接").inputValue();
    expect(ownLink).toMatch(new RegExp(`^${live}/restore/`));
    expect(await readerOf(other)).toBe(before); // opening the link changed nothing

    await confirmPage.getByRole("button", { name: "确认恢复" }).click();
    await confirmPage.waitForURL(`${live}/me?restored=1`);
    expect(await readerOf(other)).toBe(await readerOf(owner));
    expect(await purchasesOn(other)).toContain("一杯茶的时间");
    expect(await purchasesOn(other)).not.toContain("独立开发者的第一年");
    expect(await purchasesOn(owner)).not.toContain("独立开发者的第一年"); // nothing was merged into the owner

    // And back again with the saved link.
    await confirmPage.goto(ownLink);
    await confirmPage.getByRole("button", { name: "确认恢复" }).click();
    await confirmPage.waitForURL(`${live}/me?restored=1`);
    expect(await readerOf(other)).toBe(before);
    expect(await purchasesOn(other)).toContain("独立开发者的第一年");
    await Promise.all([owner.close(), other.close()]);
  });

  it("accepts an older link whose token had to be percent-encoded (/ and + in standard base64)", async () => {
    let id = newReaderId();
    let legacy = sign(`restore.${id}`, sessionSecret).slice("restore.".length);
    while (!/[/+]/.test(legacy.split(".")[1])) {
      id = newReaderId();
      legacy = sign(`restore.${id}`, sessionSecret).slice("restore.".length);
    }
    const owner = await browser.newContext();
    await owner.addCookies([{ name: READER_COOKIE, value: encodeURIComponent(signReaderId(id, sessionSecret)), url: live }]);
    await buy(owner, "tea-and-time");

    const other = await browser.newContext();
    const page = await other.newPage();
    const encoded = encodeURIComponent(legacy);
    expect(encoded).not.toBe(legacy);
    expect((await page.goto(`${live}/restore/${encoded}`))?.status()).toBe(200);
    await page.getByRole("button", { name: "确认恢复" }).click();
    await page.waitForURL(`${live}/me?restored=1`);
    expect(await readerOf(other)).toBe(id);
    expect(await purchasesOn(other)).toContain("一杯茶的时间");
    await Promise.all([owner.close(), other.close()]);
  });

  it("answers malformed links with a friendly page, never a 500", async () => {
    for (const path of ["/restore/%25E0", "/restore/garbage", "/restore/a.b.c", "/restore/%E0%A4"]) {
      const res = await fetch(`${live}${path}`);
      expect(res.status, path).toBeLessThan(500);
      expect(await res.text(), path).toMatch(/恢复链接无效|链接不完整或已损坏/);
    }
    expect(await (await fetch(`${live}/restore/%25E0`)).text()).toContain("恢复链接无效");
  });

  it("refuses a cross-site confirm POST, and a form post even from the site itself", async () => {
    const res = await fetch(`${live}/api/restore`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      body: JSON.stringify({ token: "x" }),
      redirect: "manual",
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    const form = await fetch(`${live}/api/restore`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: live },
      body: "token=x",
      redirect: "manual",
    });
    expect(form.status).toBe(415);
  });
});
