import { describe, expect, it } from "vitest";
import { POST as notify } from "@/app/(phone)/api/notify/route";
import { db } from "@/lib/db/client";
import { signNative } from "@/lib/notify/native-signature";
import { call, makeRequest } from "../support/http";
import { signedNotify, TEST_SECRET, wechatReceipt, alipayReceipt } from "../support/notify";
import { openOrder, orderStatus } from "../support/orders";

const DEVICE_SECRET = `whsec_${Buffer.from("a phone of its own, 32 bytes!!!!").toString("base64")}`;

async function addDevice(id: string, secret = DEVICE_SECRET, protocol = "native") {
  await db().device.create({ data: { id, name: id, secret, protocol, lastHeartbeatAt: new Date() } });
}

describe("native protocol (POST /api/notify)", () => {
  it("settles with a Device row's own secret, selected by deviceid, without NOTIFY_SECRET", async () => {
    await addDevice("phone-a");
    const o = await openOrder("alipay");
    const res = await call(notify, signedNotify({ deviceid: "phone-a", ...alipayReceipt(100) }, { secret: DEVICE_SECRET }));
    expect(res.json).toEqual({ result: "matched", orderId: o.id });
    const n = await db().notification.findFirstOrThrow();
    expect(n).toMatchObject({ deviceId: "phone-a", verifyResult: "ok", outcome: "matched", protocol: "native" });
    expect(JSON.parse(n.parseResult!)).toEqual({ channel: "alipay", amountCents: 100 });
  });

  it("does not let one device's secret sign for another device's id", async () => {
    await addDevice("phone-a");
    await addDevice("phone-b", `whsec_${Buffer.from("phone b secret, also 32 bytes!!!").toString("base64")}`);
    const o = await openOrder();
    const res = await call(notify, signedNotify({ deviceid: "phone-b", ...wechatReceipt(100) }, { secret: DEVICE_SECRET }));
    expect(res.status).toBe(401);
    expect(await orderStatus(o.id)).toBe("pending");
  });

  it("accepts a signature list from a phone rotating its key", async () => {
    process.env.NOTIFY_SECRET = TEST_SECRET;
    const o = await openOrder();
    const body = JSON.stringify({ deviceid: "p", ...wechatReceipt(100) });
    const oldSig = signNative(DEVICE_SECRET, body, "msg_rot")["webhook-signature"];
    const h = signNative(TEST_SECRET, body, "msg_rot");
    const headers = { ...h, "webhook-signature": `${oldSig} ${h["webhook-signature"]}` };
    const res = await call(notify, makeRequest("POST", "/api/notify", { rawBody: body, headers }));
    expect(res.json).toEqual({ result: "matched", orderId: o.id });
  });

  it("refuses a correctly signed but stale request with 401, stores it and settles nothing", async () => {
    process.env.NOTIFY_SECRET = TEST_SECRET;
    const o = await openOrder();
    const res = await call(notify, signedNotify(wechatReceipt(100), { timestamp: Math.floor(Date.now() / 1000) - 600 }));
    expect(res.status).toBe(401);
    expect(res.json.error.message).toContain("5 分钟");
    expect(await orderStatus(o.id)).toBe("pending");
    expect(await db().notification.findFirstOrThrow()).toMatchObject({ verifyResult: "stale", outcome: "rejected" });
    expect(await db().payment.count()).toBe(0);
  });

  it("answers a replayed webhook-id with duplicate and records one payment", async () => {
    process.env.NOTIFY_SECRET = TEST_SECRET;
    const o = await openOrder();
    const first = await call(notify, signedNotify(wechatReceipt(100), { id: "msg_x" }));
    const again = await call(notify, signedNotify(wechatReceipt(100), { id: "msg_x" }));
    expect(first.json).toEqual({ result: "matched", orderId: o.id });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ result: "duplicate" });
    expect(await db().payment.count()).toBe(1);
    expect(await db().notification.count()).toBe(2);
  });

  it("records a heartbeat as the device's last heartbeat", async () => {
    process.env.NOTIFY_SECRET = TEST_SECRET;
    const res = await call(notify, signedNotify({ type: "heartbeat" }));
    expect(res.json).toEqual({ result: "ignored", reason: "heartbeat" });
    const d = await db().device.findUniqueOrThrow({ where: { id: "default" } });
    expect(Date.now() - d.lastHeartbeatAt!.getTime()).toBeLessThan(5000);
  });

  it("answers malformed requests with a clear 4xx, never a 5xx", async () => {
    process.env.NOTIFY_SECRET = TEST_SECRET;
    const signedGarbage = (body: string) =>
      makeRequest("POST", "/api/notify", { rawBody: body, headers: signNative(TEST_SECRET, body, "msg_g") });
    const notJson = await call(notify, signedGarbage("{nope"));
    expect([notJson.status, notJson.json.error.code]).toEqual([400, "invalid_input"]);
    const noDevice = await call(notify, signedGarbage(JSON.stringify({ title: "微信支付" })));
    expect(noDevice.status).toBe(400);
    const unsigned = await call(notify, makeRequest("POST", "/api/notify", { rawBody: "{}" }));
    expect([unsigned.status, unsigned.json.error.code]).toEqual([401, "unauthorized"]);
    expect(unsigned.json.error.message).toContain("webhook-id");
    const huge = await call(notify, makeRequest("POST", "/api/notify", { rawBody: "x".repeat(17 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await db().notification.count({ where: { outcome: "rejected" } })).toBe(3);
  });

  it("stores a parsed-but-ignored notification with its reason", async () => {
    process.env.NOTIFY_SECRET = TEST_SECRET;
    const res = await call(notify, signedNotify({ package: "com.tencent.mm", title: "张三", content: "收款1元" }));
    expect(res.json).toEqual({ result: "ignored", reason: "unknown_title" });
    const n = await db().notification.findFirstOrThrow();
    expect(n.outcome).toBe("ignored");
    expect(JSON.parse(n.parseResult!)).toEqual({ ignored: "unknown_title" });
  });

  it("refuses an address after 30 failed verifications without storing more", async () => {
    process.env.NOTIFY_SECRET = TEST_SECRET;
    const bad = () => signedNotify(wechatReceipt(100), { secret: DEVICE_SECRET });
    for (let i = 0; i < 30; i++) expect((await call(notify, bad())).status).toBe(401);
    const refused = await call(notify, bad());
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
    expect(await db().notification.count()).toBe(30);
  });
});
