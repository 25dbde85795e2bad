import { describe, expect, it } from "vitest";
import { POST as createOrder } from "@/app/api/orders/route";
import { POST as demoPay } from "@/app/api/demo/pay/route";
import { POST as notify } from "@/app/(phone)/api/notify/route";
import { PATCH as patchArticle } from "@/app/api/admin/articles/[slug]/route";
import { POST as addDevice } from "@/app/api/admin/devices/route";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { dashboard } from "@/lib/admin/dashboard";
import { canRead } from "@/lib/entitlements/check";
import { ensureDemoDevice } from "@/lib/devices/registry";
import { NOTIFIER_CONFIGURED_KEY } from "@/lib/devices/go-live";
import { signNative } from "@/lib/notify/native-signature";
import { receiptText } from "@/lib/notify/receipt-text";
import { makeArticle, makeQr } from "../support/db";
import { call, cookieFrom, makeRequest, readerRequest } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";
import { startWorker } from "../support/worker";
import { newPass, newSeries, orderFor } from "../support/products";

function order(slug: string, cookie?: string) {
  return call(createOrder, readerRequest("POST", "/api/orders", { body: { slug, channel: "wechat" }, cookie }));
}

/** What the 模拟付款 button does: the server signs a receipt, the browser posts it to /api/notify. */
async function demoPayFor(o: { json: { id: string }; headers: Headers }) {
  const signed = await call(demoPay, readerRequest("POST", "/api/demo/pay", { body: { orderId: o.json.id }, cookie: cookieFrom(o) }));
  if (signed.status !== 200) return signed;
  return call(notify, makeRequest("POST", signed.json.url, { rawBody: signed.json.body, headers: signed.json.headers }));
}

/** A demo-signed receipt for any amount, as an attacker holding the demo device's signature would send. */
async function demoReceipt(amountCents: number) {
  const device = await ensureDemoDevice();
  const body = JSON.stringify({ deviceid: device.id, ...receiptText("wechat", amountCents) });
  const headers = signNative(device.secret, body, `msg_${newId(8)}`);
  return call(notify, makeRequest("POST", "/api/notify", { rawBody: body, headers: { ...headers, "content-type": "application/json" } }));
}

async function addPhone() {
  enableAdmin();
  const res = await call(
    addDevice,
    await adminRequest("token", "POST", "/api/admin/devices", { body: { name: "手机", protocol: "native" } }),
  );
  expect(res.status).toBe(201);
}

describe("demo mode cannot be abused", () => {
  it("refuses to sell a post the owner wrote while the site is in demo mode", async () => {
    const own = await makeArticle();
    await makeQr("wechat", null, { demo: true });
    const res = await order(own.slug);
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("demo_mode");
    expect(res.json.error.message).toContain("演示模式");
    expect(await db().order.count()).toBe(0);
  });

  it("refuses series, site passes and tips while the site is in demo mode, even on a demo post", async () => {
    enableAdmin();
    const post = await makeArticle({ priceCents: 100, demo: true });
    await makeQr("wechat", null, { demo: true });
    const passId = await newPass();
    await newSeries("demo-series", [post.slug]);
    for (const body of [{ passId }, { seriesSlug: "demo-series" }, { tip: true, slug: post.slug, amountCents: 500 }]) {
      const res = await orderFor(body);
      expect(res.status, JSON.stringify(body)).toBe(503);
      expect(res.json.error.code).toBe("demo_mode");
    }
    expect(await db().order.count()).toBe(0);
  });

  it("turns an edited demo post into the owner's post: no longer sold through demo payments", async () => {
    enableAdmin();
    const post = await makeArticle({ demo: true });
    await makeQr("wechat", null, { demo: true });
    const patched = await call(
      patchArticle,
      await adminRequest("token", "PATCH", `/api/admin/articles/${post.slug}`, {
        body: { markdown: "我的正文\n\n<!-- more -->\n\n我的付费内容" },
      }),
      { slug: post.slug },
    );
    expect(patched.status).toBe(200);
    expect((await order(post.slug)).json.error.code).toBe("demo_mode");
  });

  it("never lets a demo payment settle a real order, even for its exact amount", async () => {
    const own = await makeArticle({ priceCents: 100 });
    const code = await makeQr("wechat");
    const now = new Date();
    const real = await db().order.create({
      data: {
        id: newId(),
        articleId: own.id,
        readerId: newId(),
        channel: "wechat",
        listPriceCents: 100,
        amountCents: 100,
        qrCodeId: code.id,
        accountId: "acct_wechat",
        openSlot: "wechat:acct_wechat:100",
        expiresAt: new Date(now.getTime() + 120_000),
        slotHeldUntil: new Date(now.getTime() + 720_000),
      },
    });
    const res = await demoReceipt(100);
    expect(res.json.result).toBe("unmatched");
    expect((await db().order.findUniqueOrThrow({ where: { id: real.id } })).status).toBe("pending");
    expect(await db().entitlement.count()).toBe(0);
  });

  it("keeps demo payments out of revenue and counts them apart", async () => {
    const post = await makeArticle({ priceCents: 100, demo: true });
    await makeQr("wechat", null, { demo: true });
    const o = await order(post.slug);
    expect(o.status).toBe(201);
    expect((await demoPayFor(o)).json).toEqual({ result: "matched", orderId: o.json.id });
    const d = await dashboard();
    expect(d.revenue).toEqual({ todayCents: 0, last7Cents: 0, last30Cents: 0 });
    expect(d.topArticles).toEqual([]);
    expect(d.demoPayments).toBe(1);
  });

  it("revokes the unlocks demo payments made when the site goes live, and nothing else", async () => {
    const post = await makeArticle({ priceCents: 100, demo: true });
    await makeQr("wechat", null, { demo: true });
    const paid = await order(post.slug);
    await demoPayFor(paid);
    const paidReader = (await db().order.findUniqueOrThrow({ where: { id: paid.json.id } })).readerId;
    expect(await canRead(paidReader, post)).toBe(true);
    const waiting = await order(post.slug); // a demo order still holding its amount
    const realReader = newId();
    await db().entitlement.create({ data: { id: newId(), readerId: realReader, articleId: post.id } });

    await addPhone();

    expect(await canRead(paidReader, post)).toBe(false);
    expect(await canRead(realReader, post)).toBe(true);
    const released = await db().order.findUniqueOrThrow({ where: { id: waiting.json.id } });
    expect(released).toMatchObject({ status: "expired", openSlot: null });
    // The 模拟付款 button is gone, and a demo-signed receipt no longer verifies.
    expect((await demoPayFor(paid)).status).toBe(403);
    expect((await demoReceipt(100)).status).toBe(401);
  });

  it("revokes once when two processes go live at the same moment", async () => {
    const post = await makeArticle({ demo: true });
    for (let i = 0; i < 5; i++) await db().entitlement.create({ data: { id: newId(), readerId: newId(), articleId: post.id, demo: true } });
    const workers = [startWorker("tests/support/go-live-worker.ts", ["5"]), startWorker("tests/support/go-live-worker.ts", ["5"])];
    await Promise.all(workers.map((w) => w.ready));
    workers.forEach((w) => w.go());
    await Promise.all(workers.map((w) => w.done));
    expect(await db().setting.count({ where: { key: NOTIFIER_CONFIGURED_KEY } })).toBe(1);
    expect(await db().entitlement.count()).toBe(0);
    const record = await db().setting.findUniqueOrThrow({ where: { key: NOTIFIER_CONFIGURED_KEY } });
    expect(Number.isNaN(Date.parse(record.value))).toBe(false);
  }, 60_000);
});
