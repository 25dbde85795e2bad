// The apps owners already use, exactly as they send (issue 12 part 5). One test per version
// family, each request built the way the app's source builds it (docs/connect-phone.md §1–2 list
// the versions checked). Runs on SQLite and PostgreSQL.
import { describe, expect, it } from "vitest";
import { GET as smsGet, POST as smsPost } from "@/app/(phone)/api/notify/smsforwarder/route";
import { GET as appHeart } from "@/app/(phone)/appHeart/route";
import { GET as appPush } from "@/app/(phone)/appPush/route";
import { GET as monitorHeart } from "@/app/(phone)/api/monitor/heart/route";
import { GET as monitorPush } from "@/app/(phone)/api/monitor/push/route";
import { db } from "@/lib/db/client";
import { smsForwarderSign } from "@/lib/notify/protocols/smsforwarder-sign";
import { vmqHeartSign, vmqPushSign } from "@/lib/notify/protocols/vmq-sign";
import { call, makeRequest } from "../support/http";
import { SMSF_SECRET, VMQ_KEY } from "../support/notify";
import { openOrder, orderStatus } from "../support/orders";

const MM = "com.tencent.mm";
const ALIPAY = "com.eg.android.AlipayGphone";
const TEXT = "微信支付收款1.00元(朋友到店)";
const TIME = "2023-11-15 06:13:19";

/** The sign as the app puts it into a request: URLEncoder.encode(base64(hmac)). */
const appSign = (ts: string) => encodeURIComponent(smsForwarderSign(ts, SMSF_SECRET));
const post = (body: string | FormData, contentType?: string) =>
  body instanceof FormData
    ? new Request("http://localhost:3000/api/notify/smsforwarder", { method: "POST", body, headers: { "x-paywall-peer": "127.0.0.1" } })
    : makeRequest("POST", "/api/notify/smsforwarder", { rawBody: body, headers: contentType ? { "content-type": contentType } : {} });

/** The empty-template form: from, the rendered default content, timestamp, sign (form-encoded again). */
function defaultForm(lines: string[], from = MM) {
  const ts = String(Date.now());
  return new URLSearchParams({ from, content: lines.join("\n"), timestamp: ts, sign: appSign(ts) }).toString();
}

/** Our JSON template with the values the app substitutes ([sign] raw, i.e. URL-encoded). */
function jsonTemplate(v: { from: string; title: string; text: string; receiveTime?: string }) {
  const ts = String(Date.now());
  return JSON.stringify({
    from: v.from,
    title: v.title,
    org_content: v.text,
    receive_time: v.receiveTime ?? TIME,
    timestamp: ts,
    sign: appSign(ts),
    device_mark: "",
  });
}

describe("SmsForwarder, every version family", () => {
  const configure = () => (process.env.SMSFORWARDER_SECRET = SMSF_SECRET);

  it.each([
    ["v3.3.1 – v3.5.x (current): UID line", [MM, TEXT, "微信支付", "UID：10086", TIME]],
    ["v3.3.1 – v3.5.x with a device mark", [MM, TEXT, "微信支付", "UID：10086", TIME, "收款备用机"]],
    ["v3.2.0: SubId line", [MM, TEXT, "微信支付", "SubId：0", TIME]],
    ["v3.0.5 – v3.1.1 and v3.3.0: no id line", [MM, TEXT, "微信支付", TIME]],
  ])("settles from the default (empty) template, %s", async (_family, lines) => {
    configure();
    const o = await openOrder("wechat", 100);
    const res = await call(smsPost, post(defaultForm(lines), "application/x-www-form-urlencoded"));
    expect(res.json).toEqual({ result: "matched", orderId: o.id });
  });

  it("settles an Alipay business-code receipt whose amount is only in the title (v3.3.1+ default template)", async () => {
    configure();
    const o = await openOrder("alipay", 800);
    const lines = [ALIPAY, "已转入余额 收钱1笔兑2包纸巾>>", "你已成功收款8.00元（老顾客消费）", "UID：10219", TIME];
    const res = await call(smsPost, post(defaultForm(lines, ALIPAY), "application/x-www-form-urlencoded"));
    expect(res.json).toEqual({ result: "matched", orderId: o.id });
  });

  it("settles from v3.0.0 – v3.0.4's multipart form (sign not form-encoded twice)", async () => {
    configure();
    const o = await openOrder("wechat", 100);
    const ts = String(Date.now());
    const form = new FormData();
    form.set("from", MM);
    form.set("content", [MM, TEXT, "微信支付", TIME].join("\n"));
    form.set("timestamp", ts);
    form.set("sign", appSign(ts));
    const res = await call(smsPost, post(form));
    expect(res.json).toEqual({ result: "matched", orderId: o.id });
  });

  it.each([
    ["application/json (v3.0.5+, template starting with {)", "application/json"],
    ["application/json; charset=utf-8", "application/json; charset=utf-8"],
    ["text/plain (v3.3.3+ with a text/* header)", "text/plain"],
  ])("settles from our JSON template sent as %s", async (_name, contentType) => {
    configure();
    const o = await openOrder("wechat", 100);
    const res = await call(smsPost, post(jsonTemplate({ from: MM, title: "微信支付", text: TEXT }), contentType));
    expect(res.json).toEqual({ result: "matched", orderId: o.id });
  });

  it("settles v3.3.0's title with #####scheme appended", async () => {
    configure();
    const o = await openOrder("wechat", 100);
    const res = await call(smsPost, post(jsonTemplate({ from: MM, title: "微信支付#####weixin", text: TEXT }), "application/json"));
    expect(res.json).toEqual({ result: "matched", orderId: o.id });
  });

  it("settles from a GET template (values URL-encoded with + for spaces, sign encoded again)", async () => {
    configure();
    const o = await openOrder("alipay", 100);
    const ts = String(Date.now());
    const q = `from=${ALIPAY}&title=${encodeURIComponent("收款通知")}&org_content=${encodeURIComponent("张 三通过扫码向你付款1.00元").replace("%20", "+")}&timestamp=${ts}&sign=${encodeURIComponent(appSign(ts))}`;
    const res = await call(smsGet, makeRequest("GET", `/api/notify/smsforwarder?${q}`));
    expect(res.json).toEqual({ result: "matched", orderId: o.id });
  });

  it.each([
    [
      "our JSON template",
      () => jsonTemplate({ from: "心跳", title: "心跳", text: "如果 定时任务 就执行 推送通知", receiveTime: TIME }),
      "application/json",
    ],
    [
      "the default (empty) template",
      () => defaultForm(["心跳", "如果 定时任务 就执行 推送通知", "心跳", TIME], "心跳"),
      "application/x-www-form-urlencoded",
    ],
  ])("takes the 自动任务 named 心跳 (cron + 推送通知, v3.3.0+) as a heartbeat with %s", async (_name, body, contentType) => {
    configure();
    const res = await call(smsPost, post(body(), contentType));
    expect(res.json).toEqual({ result: "ignored", reason: "heartbeat" });
    const d = await db().device.findUniqueOrThrow({ where: { id: "smsforwarder" } });
    expect(Date.now() - d.lastHeartbeatAt!.getTime()).toBeLessThan(10_000);
  });

  it("says what to fix when the phone's sender has no Secret (sign is empty)", async () => {
    configure();
    const ts = String(Date.now());
    const body = new URLSearchParams({ from: MM, content: [MM, TEXT, "微信支付", "UID：1", TIME].join("\n"), timestamp: ts }).toString();
    const res = await call(smsPost, post(body, "application/x-www-form-urlencoded"));
    expect([res.status, res.json.error.code]).toEqual([401, "unauthorized"]);
    expect(res.json.error.message).toContain("Secret");
  });
});

describe("V免签 monitor apps, every family", () => {
  const configure = () => (process.env.VMQ_KEY = VMQ_KEY);
  const push = (price: string, t = String(Date.now()), type = "1") =>
    `t=${t}&type=${type}&price=${price}&sign=${vmqPushSign(type, price, t, VMQ_KEY)}`;

  it.each([
    ["1.0", 100],
    ["0.8", 80],
    ["1430.0", 143000],
  ])("szvone/vmqApk v1.8.1: settles Double.toString price %s", async (price, cents) => {
    configure();
    const o = await openOrder("wechat", cents);
    const res = await call(appPush, makeRequest("GET", `/appPush?${push(price)}`));
    expect([res.status, res.json]).toEqual([200, { code: 1, msg: "成功", data: { result: "matched", orderId: o.id } }]);
  });

  it("szvone/vmqApk v1.8.1: records 1.0E7 (Java notation from 10^7 yuan) as absurd_amount, answered 200", async () => {
    configure();
    const res = await call(appPush, makeRequest("GET", `/appPush?${push("1.0E7")}`));
    expect([res.status, res.json.data]).toEqual([200, { result: "ignored", reason: "absurd_amount" }]);
    expect(await db().payment.count()).toBe(0);
  });

  it("shinian-a/Vmq-App: settles a %.2f price and answers every push with code 1 / 成功 JSON", async () => {
    configure();
    const o = await openOrder("alipay", 100);
    const q = push("1.00", String(Date.now()), "2");
    expect((await call(appPush, makeRequest("GET", `/appPush?${q}`))).json).toMatchObject({
      code: 1,
      msg: "成功",
      data: { orderId: o.id },
    });
    expect((await call(appPush, makeRequest("GET", `/appPush?${q}`))).json).toMatchObject({
      code: 1,
      msg: "成功",
      data: { result: "duplicate" },
    });
  });

  it("zwc456baby/vmqApk: a heartbeat resent with &force_push=true is answered 200", async () => {
    configure();
    const t = String(Date.now());
    const q = `t=${t}&sign=${vmqHeartSign(t, VMQ_KEY)}`;
    expect((await call(appHeart, makeRequest("GET", `/appHeart?${q}`))).json.code).toBe(1);
    const again = await call(appHeart, makeRequest("GET", `/appHeart?${q}&force_push=true`));
    expect([again.status, again.json.code]).toEqual([200, 1]);
  });

  it("hulisang/vmqApk: /api/monitor/heart and /api/monitor/push work like /appHeart and /appPush", async () => {
    configure();
    const t = String(Date.now());
    expect((await call(monitorHeart, makeRequest("GET", `/api/monitor/heart?t=${t}&sign=${vmqHeartSign(t, VMQ_KEY)}`))).json.code).toBe(1);
    const o = await openOrder("wechat", 100);
    const res = await call(monitorPush, makeRequest("GET", `/api/monitor/push?${push("1.0")}`));
    expect(res.json.data).toEqual({ result: "matched", orderId: o.id });
    expect(await orderStatus(o.id)).toBe("paid");
    expect((await db().notification.findFirstOrThrow({ where: { outcome: "matched" } })).path).toBe("/api/monitor/push");
  });
});

describe("contract with the alerts: unreadable_receipt is stored with the raw text", () => {
  it.each([
    ["SmsForwarder", { from: MM, title: "微信支付", text: "收款到账通知" }],
    ["SmsForwarder (Alipay, new title format)", { from: ALIPAY, title: "你已成功收款8.00元【花呗】", text: "已转入余额" }],
  ])("a %s receipt whose amount cannot be read is ignored as unreadable_receipt in parseResult", async (_name, n) => {
    process.env.SMSFORWARDER_SECRET = SMSF_SECRET;
    const res = await call(smsPost, post(jsonTemplate(n), "application/json"));
    expect(res.json).toEqual({ result: "ignored", reason: "unreadable_receipt" });
    const stored = await db().notification.findFirstOrThrow({ where: { outcome: "ignored" } });
    expect(JSON.parse(stored.parseResult!)).toEqual({ ignored: "unreadable_receipt" });
    expect(stored.body).toContain(n.text);
    expect(await db().payment.count()).toBe(0);
  });
});
