import type { Channel } from "@/lib/channels";
import { describe, expect, it } from "vitest";
import { POST as createOrder } from "@/app/api/orders/route";
import { GET as listQr } from "@/app/api/admin/qr-codes/route";
import { POST as notify } from "@/app/(phone)/api/notify/route";
import { capacityReport } from "@/lib/orders/capacity";
import { dashboard } from "@/lib/admin/dashboard";
import { seedIfEmpty } from "@/lib/demo/seed";
import { db } from "@/lib/db/client";
import { makeArticle, makeQr } from "../support/db";
import { call, readerRequest } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";
import { signedNotify, TEST_SECRET } from "../support/notify";

async function goLive() {
  process.env.NOTIFY_SECRET = TEST_SECRET;
  expect((await call(notify, signedNotify({ type: "heartbeat" }))).status).toBe(200);
}

async function order(slug: string, channel: Channel = "wechat") {
  return call(createOrder, readerRequest("POST", "/api/orders", { body: { slug, channel } }));
}

describe("demo receiving codes", () => {
  it("are marked demo by the seed and are the only codes handed out in demo mode", async () => {
    expect(await seedIfEmpty()).toBe(true);
    expect(await db().qrCode.count({ where: { demo: false } })).toBe(0);
    await makeQr("wechat", null, { payload: "wxp://f2f0real-owner-code" });
    const res = await order("tea-and-time");
    expect(res.status).toBe(201);
    expect(res.json.qr.payload).toContain("DEMO");
  });

  it("are never handed to a reader after go-live, not even the preferred fixed-amount ones", async () => {
    await seedIfEmpty();
    await makeQr("wechat", null, { payload: "wxp://f2f0real-owner-code" });
    await goLive();
    const res = await order("tea-and-time");
    expect(res.status).toBe(201);
    expect(res.json.qr).toEqual({ payload: "wxp://f2f0real-owner-code", fixedAmount: false });
    const report = await capacityReport();
    expect(report.items.find((r) => r.priceCents === 100 && r.channel === "wechat")).toMatchObject({ fixedAmount: 0 });
    // Alipay has only demo codes: no code to give, rather than a fake one.
    const alipay = await order("tea-and-time", "alipay");
    expect(alipay.status).toBe(503);
    expect(alipay.json.error.code).toBe("no_qr_code");
  });

  it("leaves the dashboard warning about enabled demo codes after go-live, and the QR list marks them", async () => {
    enableAdmin();
    await seedIfEmpty();
    expect((await dashboard()).demoCodesEnabled).toBe(0); // still in demo mode: nothing to warn about
    await goLive();
    expect((await dashboard()).demoCodesEnabled).toBe(7);
    const listed = await call(listQr, await adminRequest("token", "GET", "/api/admin/qr-codes"));
    expect(listed.json.items.every((q: { demo: boolean }) => q.demo)).toBe(true);
    await db().qrCode.updateMany({ data: { enabled: false } });
    expect((await dashboard()).demoCodesEnabled).toBe(0);
  });
});

describe("choosing among several enabled universal codes", () => {
  it("uses the newest one on the channel (the owner uploaded a replacement)", async () => {
    const article = await makeArticle();
    await makeQr("wechat", null, { payload: "wxp://f2f0old", createdAt: new Date(Date.now() - 86_400_000) });
    await makeQr("wechat", null, { payload: "wxp://f2f0new", createdAt: new Date() });
    await makeQr("wechat", null, { payload: "wxp://f2f0older", createdAt: new Date(Date.now() - 2 * 86_400_000) });
    await goLive();
    const res = await order(article.slug);
    expect(res.json.qr.payload).toBe("wxp://f2f0new");
  });
});
