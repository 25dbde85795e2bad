import { describe, expect, it } from "vitest";
import { GET as appHeart } from "@/app/(phone)/appHeart/route";
import { GET as appPush } from "@/app/(phone)/appPush/route";
import { db } from "@/lib/db/client";
import { call } from "../support/http";
import { VMQ_KEY, vmqRequest } from "../support/notify";
import { openOrder, orderStatus } from "../support/orders";

const configure = () => (process.env.VMQ_KEY = VMQ_KEY);

describe("V免签 monitor app (GET /appHeart, /appPush)", () => {
  it("settles a WeChat push and answers {code:1,msg:成功}", async () => {
    configure();
    const o = await openOrder("wechat", 100);
    const res = await call(appPush, vmqRequest("push", { type: "1", price: "1.0" }));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ code: 1, msg: "成功", data: { result: "matched", orderId: o.id } });
    const n = await db().notification.findFirstOrThrow();
    expect(n).toMatchObject({ protocol: "vmq", method: "GET", path: "/appPush", deviceId: "vmq", outcome: "matched" });
    expect(n.body).toContain("price=1.0");
  });

  it("settles an Alipay push whose price has two decimals", async () => {
    configure();
    const o = await openOrder("alipay", 1);
    const res = await call(appPush, vmqRequest("push", { type: "2", price: "0.01" }));
    expect(res.json.data).toEqual({ result: "matched", orderId: o.id });
  });

  it("works with a Device row of protocol vmq and no VMQ_KEY", async () => {
    await db().device.create({ data: { id: "old-phone", name: "old", secret: "0d4f7a2c9e1b6358a7c2e0f9b4d1a6c3", protocol: "vmq" } });
    const o = await openOrder();
    const res = await call(appPush, vmqRequest("push", { key: "0d4f7a2c9e1b6358a7c2e0f9b4d1a6c3" }));
    expect(res.json.data).toEqual({ result: "matched", orderId: o.id });
  });

  it("updates the device's lastHeartbeatAt on /appHeart", async () => {
    configure();
    const res = await call(appHeart, vmqRequest("heart"));
    expect(res.json).toMatchObject({ code: 1, msg: "成功" });
    const d = await db().device.findUniqueOrThrow({ where: { id: "vmq" } });
    expect(Date.now() - d.lastHeartbeatAt!.getTime()).toBeLessThan(5000);
    expect((await call(appHeart, vmqRequest("heart", { t: Number(d.lastHeartbeatAt) - 1 }))).json.code).toBe(1);
  });

  it("refuses a wrong key with 401 {code:-1} and settles nothing", async () => {
    configure();
    const o = await openOrder();
    const res = await call(appPush, vmqRequest("push", { key: "wrong" }));
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ code: -1, msg: expect.stringContaining("密钥") });
    expect(await orderStatus(o.id)).toBe("pending");
    expect((await call(appHeart, vmqRequest("heart", { key: "wrong" }))).status).toBe(401);
  });

  it.each(["1000000.01", "99999999999", "9,999,999,999,999.99"])(
    "records price=%s (above the amount cap) as ignored absurd_amount and answers 200, storing no payment",
    async (price) => {
      configure();
      const o = await openOrder();
      const res = await call(appPush, vmqRequest("push", { type: "1", price }));
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ code: 1, data: { result: "ignored", reason: "absurd_amount" } });
      expect(await db().payment.count()).toBe(0);
      expect((await db().notification.findFirstOrThrow()).outcome).toBe("ignored");
      expect(await orderStatus(o.id)).toBe("pending");
    },
  );

  it("refuses a tampered price (sign over the received string)", async () => {
    configure();
    const o = await openOrder();
    const t = Date.now();
    const genuine = vmqRequest("push", { price: "0.01", t });
    const sign = new URL(genuine.url).searchParams.get("sign")!;
    const res = await call(appPush, vmqRequest("push", { price: "1.00", t, sign }));
    expect(res.status).toBe(401);
    expect(await orderStatus(o.id)).toBe("pending");
  });

  it("refuses a stale push with 401 and stores it for the owner", async () => {
    configure();
    const res = await call(appPush, vmqRequest("push", { t: Date.now() - 10 * 60_000 }));
    expect(res.status).toBe(401);
    expect(await db().notification.findFirstOrThrow()).toMatchObject({ verifyResult: "stale", outcome: "rejected" });
  });

  it("answers the app's identical resend with 200 duplicate and one payment", async () => {
    configure();
    await openOrder();
    const t = Date.now();
    expect((await call(appPush, vmqRequest("push", { t }))).json.data.result).toBe("matched");
    const again = await call(appPush, vmqRequest("push", { t }));
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ code: 1, data: { result: "duplicate" } });
    expect(await db().payment.count()).toBe(1);
  });

  it("records a push of an unsupported type as ignored and does not ask for a resend", async () => {
    configure();
    const res = await call(appPush, vmqRequest("push", { type: "3" }));
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual({ result: "ignored", reason: "unsupported_type" });
  });

  it("answers malformed requests with a clear 4xx {code:-1}, never a 5xx", async () => {
    configure();
    const missing = await call(appPush, vmqRequest("push", { sign: "" }));
    expect([missing.status, missing.json.code]).toEqual([400, -1]);
    const badPrice = await call(appPush, vmqRequest("push", { price: "1.001" }));
    expect([badPrice.status, badPrice.json.code]).toEqual([400, -1]);
    const zero = await call(appPush, vmqRequest("push", { price: "0" }));
    expect(zero.status).toBe(400);
    const long = vmqRequest("push");
    const huge = await call(appPush, new Request(`${long.url}&pad=${"x".repeat(9000)}`));
    expect(huge.status).toBe(413);
  });

  it("says so when no V免签 key is configured", async () => {
    const res = await call(appPush, vmqRequest("push"));
    expect(res.status).toBe(401);
    expect(res.json.msg).toContain("VMQ_KEY");
  });
});
