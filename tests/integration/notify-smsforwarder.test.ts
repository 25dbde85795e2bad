import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/(phone)/api/notify/smsforwarder/route";
import { db } from "@/lib/db/client";
import { smsForwarderSign } from "@/lib/notify/protocols/smsforwarder-sign";
import { call, makeRequest } from "../support/http";
import { alipayReceipt, SMSF_SECRET, smsForwarderJson, smsForwarderPost, wechatReceipt } from "../support/notify";
import { openOrder, orderStatus } from "../support/orders";

const configure = () => (process.env.SMSFORWARDER_SECRET = SMSF_SECRET);

/** The app's default form body: from, rendered content, timestamp, sign (URL-encoded by the app, then form-encoded). */
function defaultForm(lines: string[], pkg: string, ts = Date.now()) {
  const sign = encodeURIComponent(smsForwarderSign(String(ts), SMSF_SECRET));
  return new URLSearchParams({ from: pkg, content: lines.join("\n"), timestamp: String(ts), sign }).toString();
}

describe("SmsForwarder (POST/GET /api/notify/smsforwarder)", () => {
  it("settles an order from the recommended JSON template", async () => {
    configure();
    const o = await openOrder();
    const res = await call(POST, smsForwarderPost(smsForwarderJson(wechatReceipt(100))));
    expect(res.json).toEqual({ result: "matched", orderId: o.id });
    expect(await db().notification.findFirstOrThrow()).toMatchObject({
      protocol: "smsforwarder",
      deviceId: "smsforwarder",
      verifyResult: "ok",
      outcome: "matched",
    });
  });

  it("settles from the default form body, reading the rendered multi-line content", async () => {
    configure();
    const o = await openOrder("alipay");
    const r = alipayReceipt(100);
    const body = defaultForm([r.package, r.content, r.title, "2024-05-01 12:00:00", "小米"], r.package);
    const res = await call(POST, smsForwarderPost(body, "application/x-www-form-urlencoded"));
    expect(res.json).toEqual({ result: "matched", orderId: o.id });
  });

  it("records a default form body it cannot read as ignored unknown_template", async () => {
    configure();
    const res = await call(
      POST,
      smsForwarderPost(defaultForm(["自定义模板 微信支付收款1.00元"], "com.tencent.mm"), "application/x-www-form-urlencoded"),
    );
    expect(res.json).toEqual({ result: "ignored", reason: "unknown_template" });
  });

  it("accepts GET with query parameters", async () => {
    configure();
    const o = await openOrder();
    const q = new URLSearchParams(smsForwarderJson(wechatReceipt(100)));
    const res = await call(GET, makeRequest("GET", `/api/notify/smsforwarder?${q}`));
    expect(res.json).toEqual({ result: "matched", orderId: o.id });
  });

  it("works with a Device row of protocol smsforwarder and no env secret", async () => {
    await db().device.create({ data: { id: "mi8", name: "mi8", secret: "mi8-own-secret-Hq3vT9wK2pX7", protocol: "smsforwarder" } });
    const o = await openOrder();
    const res = await call(POST, smsForwarderPost(smsForwarderJson(wechatReceipt(100), { secret: "mi8-own-secret-Hq3vT9wK2pX7" })));
    expect(res.json).toEqual({ result: "matched", orderId: o.id });
  });

  it("refuses a wrong secret with 401 and settles nothing", async () => {
    configure();
    const o = await openOrder();
    const res = await call(POST, smsForwarderPost(smsForwarderJson(wechatReceipt(100), { secret: "wrong" })));
    expect([res.status, res.json.error.code]).toEqual([401, "unauthorized"]);
    expect(await orderStatus(o.id)).toBe("pending");
    expect(await db().notification.findFirstOrThrow()).toMatchObject({ verifyResult: "bad_signature", outcome: "rejected" });
  });

  it("refuses a correctly signed timestamp older than the 120 s window", async () => {
    configure();
    const o = await openOrder();
    const res = await call(POST, smsForwarderPost(smsForwarderJson(wechatReceipt(100), { timestamp: Date.now() - 121_000 })));
    expect(res.status).toBe(401);
    expect(res.json.error.message).toContain("120");
    expect(await orderStatus(o.id)).toBe("pending");
  });

  it("honours SMSFORWARDER_TOLERANCE_SECONDS", async () => {
    configure();
    process.env.SMSFORWARDER_TOLERANCE_SECONDS = "600";
    const res = await call(POST, smsForwarderPost(smsForwarderJson(wechatReceipt(100), { timestamp: Date.now() - 300_000 })));
    expect(res.json.result).toBe("unmatched");
  });

  it("answers an identical resend (same timestamp and sign) with duplicate", async () => {
    configure();
    await openOrder();
    const body = smsForwarderJson(wechatReceipt(100));
    expect((await call(POST, smsForwarderPost(body))).json.result).toBe("matched");
    expect((await call(POST, smsForwarderPost(body))).json).toEqual({ result: "duplicate" });
    expect(await db().payment.count()).toBe(1);
  });

  it("refuses a captured timestamp+sign reused with another body as a duplicate", async () => {
    configure();
    await openOrder("wechat", 100);
    const ts = Date.now();
    await call(POST, smsForwarderPost(smsForwarderJson(wechatReceipt(100), { timestamp: ts })));
    const o2 = await openOrder("wechat", 500);
    const forged = await call(POST, smsForwarderPost(smsForwarderJson(wechatReceipt(500), { timestamp: ts })));
    expect(forged.json).toEqual({ result: "duplicate" });
    expect(await orderStatus(o2.id)).toBe("pending");
    expect(await db().notification.count({ where: { verifyResult: "replayed" } })).toBe(1);
  });

  it("dedupes the same notification forwarded twice (new timestamp, same posted time)", async () => {
    configure();
    await openOrder();
    expect((await call(POST, smsForwarderPost(smsForwarderJson(wechatReceipt(100), { timestamp: Date.now() - 1000 })))).json.result).toBe(
      "matched",
    );
    expect((await call(POST, smsForwarderPost(smsForwarderJson(wechatReceipt(100))))).json).toEqual({ result: "duplicate" });
    // The same text posted at another time is another payment: kept for the owner,
    // flagged because the amount's order was paid moments ago (echo window).
    const later = await call(POST, smsForwarderPost(smsForwarderJson(wechatReceipt(100), { receiveTime: "2024-05-01 12:05:00" })));
    expect(later.json).toEqual({ result: "unmatched", suspectedDuplicate: true });
    expect(await db().payment.count()).toBe(2);
  });

  it("treats a 'heartbeat' text as a heartbeat", async () => {
    configure();
    const res = await call(POST, smsForwarderPost(smsForwarderJson({ package: "x", title: "x", content: "heartbeat" })));
    expect(res.json).toEqual({ result: "ignored", reason: "heartbeat" });
    expect((await db().device.findUniqueOrThrow({ where: { id: "smsforwarder" } })).lastHeartbeatAt).not.toBeNull();
  });

  it("answers malformed requests with a clear 4xx, never a 5xx", async () => {
    configure();
    const cases = [
      smsForwarderPost('{"from": "com.tencent.mm", "title": "微信"支付"}'),
      smsForwarderPost("[1,2]"),
      smsForwarderPost({ from: "com.tencent.mm", title: "微信支付", org_content: "x" }),
      smsForwarderPost("from=com.tencent.mm&content=hello", "application/x-www-form-urlencoded"),
      smsForwarderPost("x".repeat(17 * 1024)),
    ];
    const statuses = [];
    for (const req of cases) statuses.push((await call(POST, req)).status);
    expect(statuses).toEqual([400, 400, 401, 401, 413]);
    const noTitle = smsForwarderJson(wechatReceipt(100)) as Record<string, string>;
    delete noTitle.title;
    const res = await call(POST, smsForwarderPost(noTitle));
    expect([res.status, res.json.error.code]).toEqual([400, "invalid_input"]);
    expect(res.json.error.message).toContain("title");
  });

  it("says so when no SmsForwarder secret is configured", async () => {
    const res = await call(POST, smsForwarderPost(smsForwarderJson(wechatReceipt(100))));
    expect(res.status).toBe(401);
    expect(res.json.error.message).toContain("SMSFORWARDER_SECRET");
  });
});
