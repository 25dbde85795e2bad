// Proof by attack for the notifier doors of issue 9 (parts 1 and 7): each test sends what an
// attacker would and fails on the code before the fix. Runs on SQLite and PostgreSQL.
import { describe, expect, it } from "vitest";
import { POST as smsForwarder } from "@/app/(phone)/api/notify/smsforwarder/route";
import { GET as appPush } from "@/app/(phone)/appPush/route";
import { POST as createDevice } from "@/app/api/admin/devices/route";
import { db } from "@/lib/db/client";
import { smsForwarderSign } from "@/lib/notify/protocols/smsforwarder-sign";
import { vmqPushSign } from "@/lib/notify/protocols/vmq-sign";
import { adminRequest, enableAdmin } from "../support/admin";
import { call, makeRequest } from "../support/http";
import { SMSF_SECRET, smsForwarderJson, smsForwarderPost, VMQ_KEY, wechatReceipt } from "../support/notify";
import { openOrder, orderStatus } from "../support/orders";

const FORM = "application/x-www-form-urlencoded";

/** The app's default (empty template) form body, as captured on the wire. */
function capturedForm(content: string, from: string, ts = Date.now()) {
  const sign = encodeURIComponent(smsForwarderSign(String(ts), SMSF_SECRET));
  return new URLSearchParams({ from, content, timestamp: String(ts), sign }).toString();
}

const withQuery = (body: string, query: string) =>
  makeRequest("POST", `/api/notify/smsforwarder?${query}`, { rawBody: body, headers: { "content-type": FORM } });

describe("door: SmsForwarder requests replayed with fields in the URL query", () => {
  const forged = new URLSearchParams({ title: "微信支付", org_content: "微信支付收款1.00元(朋友到店)" }).toString();

  it("a captured heartbeat re-sent with ?title=…&org_content=… is not a payment", async () => {
    process.env.SMSFORWARDER_SECRET = SMSF_SECRET;
    const o = await openOrder("wechat", 100);
    const heartbeat = capturedForm("心跳\n如果 定时任务 就执行 推送通知\n心跳\n2024-05-01 12:00:00", "心跳");
    expect((await call(smsForwarder, smsForwarderPost(heartbeat, FORM))).json).toEqual({ result: "ignored", reason: "heartbeat" });
    const replay = await call(smsForwarder, withQuery(heartbeat, forged));
    expect(replay.json).toEqual({ result: "duplicate" });
    expect(await orderStatus(o.id)).toBe("pending");
    expect(await db().payment.count()).toBe(0);
  });

  it("a captured receipt re-sent with another amount in the query settles nothing new", async () => {
    process.env.SMSFORWARDER_SECRET = SMSF_SECRET;
    await openOrder("wechat", 500);
    const o = await openOrder("wechat", 100);
    const receipt = capturedForm(
      ["com.tencent.mm", "微信支付收款5.00元(朋友到店)", "微信支付", "UID：10086", "2024-05-01 12:00:00"].join("\n"),
      "com.tencent.mm",
    );
    expect((await call(smsForwarder, smsForwarderPost(receipt, FORM))).json.result).toBe("matched");
    const replay = await call(smsForwarder, withQuery(receipt, forged));
    expect(replay.json).toEqual({ result: "duplicate" });
    expect(await orderStatus(o.id)).toBe("pending");
    expect(await db().payment.count()).toBe(1);
  });

  it("a query on a fresh, correctly signed POST is ignored: only the body is read", async () => {
    process.env.SMSFORWARDER_SECRET = SMSF_SECRET;
    const o = await openOrder("wechat", 100);
    const res = await call(smsForwarder, withQuery(capturedForm("heartbeat", "x"), forged));
    expect(res.json).toEqual({ result: "ignored", reason: "heartbeat" });
    expect(await orderStatus(o.id)).toBe("pending");
  });

  it("the same timestamp with the JSON body edited is a replay, not a payment", async () => {
    process.env.SMSFORWARDER_SECRET = SMSF_SECRET;
    const ts = Date.now();
    const heartbeat = smsForwarderJson({ package: "心跳", title: "心跳", content: "如果 定时任务 就执行 推送通知" }, { timestamp: ts });
    await call(smsForwarder, smsForwarderPost(heartbeat));
    const o = await openOrder("wechat", 100);
    const edited = { ...smsForwarderJson(wechatReceipt(100), { timestamp: ts }) };
    expect((await call(smsForwarder, smsForwarderPost(edited))).json).toEqual({ result: "duplicate" });
    expect(await orderStatus(o.id)).toBe("pending");
    expect(await db().notification.count({ where: { verifyResult: "replayed" } })).toBe(1);
  });
});

describe("door: V免签 boundary shift (price=10&t=T → price=1&t=0T keeps the sign)", () => {
  it("refuses the shifted request and settles nothing", async () => {
    process.env.VMQ_KEY = VMQ_KEY;
    const ten = await openOrder("wechat", 1000);
    const one = await openOrder("wechat", 100);
    const t = String(Date.now());
    const sign = vmqPushSign("1", "10", t, VMQ_KEY);
    const genuine = await call(appPush, makeRequest("GET", `/appPush?t=${t}&type=1&price=10&sign=${sign}`));
    expect(genuine.json.data).toEqual({ result: "matched", orderId: ten.id });
    const shifted = await call(appPush, makeRequest("GET", `/appPush?t=0${t}&type=1&price=1&sign=${sign}`));
    expect([shifted.status, shifted.json.code]).toEqual([401, -1]);
    expect(await orderStatus(one.id)).toBe("pending");
    expect(await db().payment.count()).toBe(1);
    expect(await db().notification.count({ where: { verifyResult: "bad_timestamp" } })).toBe(1);
  });

  it("keys a resend by value: the same push with an unsigned &force_push=true is a duplicate", async () => {
    process.env.VMQ_KEY = VMQ_KEY;
    await openOrder("wechat", 100);
    const t = String(Date.now());
    const q = `t=${t}&type=1&price=1.0&sign=${vmqPushSign("1", "1.0", t, VMQ_KEY)}`;
    expect((await call(appPush, makeRequest("GET", `/appPush?${q}`))).json.data.result).toBe("matched");
    const again = await call(appPush, makeRequest("GET", `/appPush?${q}&force_push=true`));
    expect([again.status, again.json.data]).toEqual([200, { result: "duplicate" }]);
    // An identical retry, not a replay: it went on to the payment dedupe.
    expect(await db().notification.count({ where: { verifyResult: "replayed" } })).toBe(0);
    expect(await db().payment.count()).toBe(1);
  });
});

describe("door: weak device secrets", () => {
  it.each([
    ["vmq", "123456"],
    ["smsforwarder", "my secret"],
    ["smsforwarder", "paywall-secret-2024!"],
    ["native", "whsec_c2VjcmV0"],
  ])("the admin refuses to take a weak %s secret (%j) and stores no device", async (protocol, secret) => {
    enableAdmin();
    const res = await call(
      createDevice,
      await adminRequest("token", "POST", "/api/admin/devices", { body: { name: "旧手机", protocol, secret } }),
    );
    expect([res.status, res.json.error.code]).toEqual([400, "invalid_input"]);
    expect(res.json.error.message).toContain("密钥太弱");
    expect(await db().device.count()).toBe(0);
  });

  it("takes the owner's own strong key, e.g. one an existing V免签 phone already uses", async () => {
    enableAdmin();
    const secret = "3b8e1f0a9c7d4e2b6a5f8c1d0e9b7a4c";
    const res = await call(
      createDevice,
      await adminRequest("token", "POST", "/api/admin/devices", { body: { name: "旧手机", protocol: "vmq", secret } }),
    );
    expect(res.status).toBe(201);
    expect(res.json.secret).toBe(secret);
    expect(res.json.setup.text).toBe(`localhost:3000/${secret}`);
  });
});

describe("door: impersonation through a renamed group", () => {
  it("a group renamed 微信支付 whose member uses the group nickname 微信支付 does not pay an order", async () => {
    process.env.SMSFORWARDER_SECRET = SMSF_SECRET;
    const o = await openOrder("wechat", 100);
    const chat = { package: "com.tencent.mm", title: "微信支付", content: "微信支付: 微信支付收款1.00元(朋友到店)" };
    const res = await call(smsForwarder, smsForwarderPost(smsForwarderJson(chat)));
    expect(res.json).toEqual({ result: "ignored", reason: "chat_message" });
    expect(await orderStatus(o.id)).toBe("pending");
    expect(await db().payment.count()).toBe(0);
  });
});
