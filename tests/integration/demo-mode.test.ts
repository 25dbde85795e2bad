import { describe, expect, it } from "vitest";
import { POST as createOrder } from "@/app/api/orders/route";
import { POST as demoPay } from "@/app/api/demo/pay/route";
import { POST as addDevice } from "@/app/api/admin/devices/route";
import { PATCH as updateDevice, DELETE as removeDevice } from "@/app/api/admin/devices/[id]/route";
import { db } from "@/lib/db/client";
import { syncBootstrapDevices } from "@/lib/devices/registry";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { notifierHealth } from "@/lib/devices/health";
import { NOTIFIER_CONFIGURED_KEY, recordLegacyGoLive } from "@/lib/devices/go-live";
import { makeArticle, makeQr } from "../support/db";
import { call, cookieFrom, readerRequest } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";
import { TEST_SECRET } from "../support/notify";

async function newDevice(): Promise<string> {
  const res = await call(
    addDevice,
    await adminRequest("token", "POST", "/api/admin/devices", { body: { name: "手机", protocol: "native" } }),
  );
  expect(res.status).toBe(201);
  return res.json.device.id;
}

async function order(slug: string) {
  return call(createOrder, readerRequest("POST", "/api/orders", { body: { slug, channel: "wechat" } }));
}

describe("demo mode is one-way", () => {
  it("stays off after the owner disables and then deletes the last device: orders get 503 notifier_offline", async () => {
    enableAdmin();
    const article = await makeArticle();
    await makeQr("wechat", null, { demo: true });
    await makeQr("wechat");
    expect(await isDemoMode()).toBe(true);
    const id = await newDevice();
    expect(await isDemoMode()).toBe(false);

    await call(updateDevice, await adminRequest("token", "PATCH", `/api/admin/devices/${id}`, { body: { enabled: false } }), { id });
    expect(await isDemoMode()).toBe(false);
    await call(removeDevice, await adminRequest("token", "DELETE", `/api/admin/devices/${id}`), { id });
    expect(await db().device.count()).toBe(0);
    expect(await isDemoMode()).toBe(false);

    const res = await order(article.slug);
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("notifier_offline");
  });

  it("refuses demo payments for an order made while in demo mode once a device was added and deleted", async () => {
    enableAdmin();
    const article = await makeArticle({ demo: true });
    await makeQr("wechat", null, { demo: true });
    const o = await order(article.slug);
    expect(o.status).toBe(201);
    const id = await newDevice();
    await call(removeDevice, await adminRequest("token", "DELETE", `/api/admin/devices/${id}`), { id });
    const signed = await call(demoPay, readerRequest("POST", "/api/demo/pay", { body: { orderId: o.json.id }, cookie: cookieFrom(o) }));
    expect(signed.status).toBe(403);
  });

  it("stays off after NOTIFY_SECRET is removed from the environment (restart without it)", async () => {
    process.env.NOTIFY_SECRET = TEST_SECRET;
    await syncBootstrapDevices(); // what npm start does before serving
    expect(await isDemoMode()).toBe(false);
    expect(await db().setting.findUnique({ where: { key: NOTIFIER_CONFIGURED_KEY } })).not.toBeNull();
    delete process.env.NOTIFY_SECRET;
    await db().device.deleteMany();
    expect(await isDemoMode()).toBe(false);
  });

  it("treats a database that already has a real device (from before the flag) as live, and records it at start", async () => {
    await db().device.create({ data: { id: "old", name: "旧手机", secret: "whsec_x", kind: "normal", enabled: false } });
    expect(await isDemoMode()).toBe(false);
    await recordLegacyGoLive(); // what npm start does before serving
    await db().device.deleteMany();
    expect(await isDemoMode()).toBe(false);
  });

  it("is decided without writing: reading demo mode and notifier health with NOTIFY_SECRET set creates no rows", async () => {
    process.env.NOTIFY_SECRET = TEST_SECRET;
    for (let i = 0; i < 3; i++) {
      expect(await isDemoMode()).toBe(false);
      expect((await notifierHealth()).online).toBe(false);
    }
    expect(await db().device.count()).toBe(0);
    expect(await db().setting.count()).toBe(0);
  });

  it("is forced off by DISABLE_DEMO=1 before any notifier exists", async () => {
    expect(await isDemoMode()).toBe(true);
    process.env.DISABLE_DEMO = "1";
    expect(await isDemoMode()).toBe(false);
  });
});
