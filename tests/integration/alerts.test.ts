import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { GET as list, POST as create } from "@/app/api/admin/alerts/route";
import { DELETE as remove } from "@/app/api/admin/alerts/[id]/route";
import { POST as test } from "@/app/api/admin/alerts/[id]/test/route";
import { db } from "@/lib/db/client";
import { feishuSign, dingtalkSignedUrl } from "@/lib/alerts/senders/robots";
import { call } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";
import { startMailReceiver, startReceiver, type MailReceiver, type Receiver } from "../support/receiver";

let rx: Receiver;
let smtp: MailReceiver;
beforeAll(async () => {
  rx = await startReceiver();
  smtp = await startMailReceiver();
});
afterAll(async () => {
  await rx.close();
  await smtp.close();
});
beforeEach(() => {
  enableAdmin();
  rx.requests.length = 0;
  smtp.mails.length = 0;
  rx.answer(200, {});
});

const EVENTS = ["payment.matched", "notifier.offline"];

async function createAlert(body: Record<string, unknown>) {
  const res = await call(
    create,
    await adminRequest("token", "POST", "/api/admin/alerts", { body: { events: EVENTS, allowPrivate: true, ...body } }),
  );
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}
const sendTest = async (id: string) => call(test, await adminRequest("token", "POST", `/api/admin/alerts/${id}/test`), { id });
const json = (i = 0) => JSON.parse(rx.requests[i].body);

describe("alerts to the owner's phone, each kind against a local receiver", () => {
  it("Bark: POSTs title and body to {server}/push with the device key", async () => {
    rx.answer(200, { code: 200, message: "success" });
    const { alert } = await createAlert({ kind: "bark", server: rx.url, deviceKey: "BarkDeviceKey123" });
    expect((await sendTest(alert.id)).status).toBe(200);
    expect(rx.requests[0].url).toBe("/push");
    expect(json()).toMatchObject({ device_key: "BarkDeviceKey123", title: "【付费阅读】测试提醒" });
  });

  it("Server酱: posts title and desp as a form to /{SendKey}.send", async () => {
    rx.answer(200, { code: 0, message: "" });
    const { alert } = await createAlert({ kind: "serverchan", sendKey: "SCT12345abcdef", apiBase: rx.url });
    expect((await sendTest(alert.id)).status).toBe(200);
    expect(rx.requests[0].url).toBe("/SCT12345abcdef.send");
    const form = new URLSearchParams(rx.requests[0].body);
    expect(form.get("title")).toBe("【付费阅读】测试提醒");
    expect(form.get("desp")).toContain("测试消息");
  });

  it("Telegram: calls sendMessage of the bot with the chat id", async () => {
    rx.answer(200, { ok: true, result: {} });
    const { alert } = await createAlert({ kind: "telegram", botToken: "123:ABC", chatId: "-1001", apiBase: rx.url });
    expect((await sendTest(alert.id)).status).toBe(200);
    expect(rx.requests[0].url).toBe("/bot123:ABC/sendMessage");
    expect(json()).toMatchObject({ chat_id: "-1001" });
    expect(json().text).toContain("测试提醒");
  });

  it("WeCom group robot: a text message to the webhook URL", async () => {
    rx.answer(200, { errcode: 0, errmsg: "ok" });
    const { alert } = await createAlert({ kind: "wecom", url: `${rx.url}/cgi-bin/webhook/send?key=wk1` });
    expect((await sendTest(alert.id)).status).toBe(200);
    expect(rx.requests[0].url).toBe("/cgi-bin/webhook/send?key=wk1");
    expect(json()).toMatchObject({ msgtype: "text" });
    expect(json().text.content).toContain("【付费阅读】测试提醒");
  });

  it("DingTalk group robot with 加签: timestamp and HMAC sign in the query", async () => {
    rx.answer(200, { errcode: 0, errmsg: "ok" });
    const secret = "SECdingtalk0123456789";
    const { alert } = await createAlert({ kind: "dingtalk", url: `${rx.url}/robot/send?access_token=tok`, secret });
    expect((await sendTest(alert.id)).status).toBe(200);
    const u = new URL(rx.requests[0].url, rx.url);
    const ts = Number(u.searchParams.get("timestamp"));
    expect(Math.abs(ts - Date.now())).toBeLessThan(60_000);
    expect(u.toString()).toBe(dingtalkSignedUrl(`${rx.url}/robot/send?access_token=tok`, secret, ts));
    expect(json().text.content).toContain("测试提醒");
  });

  it("Feishu group robot with 签名校验: timestamp and sign in the body", async () => {
    rx.answer(200, { code: 0, msg: "success" });
    const secret = "feishu-secret";
    const { alert } = await createAlert({ kind: "feishu", url: `${rx.url}/open-apis/bot/v2/hook/abc`, secret });
    expect((await sendTest(alert.id)).status).toBe(200);
    const body = json();
    expect(body.msg_type).toBe("text");
    expect(body.sign).toBe(feishuSign(secret, Number(body.timestamp)));
    expect(body.content.text).toContain("测试提醒");
  });

  it("e-mail over SMTP with a login, through nodemailer", async () => {
    const { alert } = await createAlert({
      kind: "email",
      host: "127.0.0.1",
      port: smtp.port,
      secure: false,
      user: "owner@example.com",
      pass: "smtp-password",
      from: "paywall@example.com",
      to: "owner@example.com",
    });
    expect((await sendTest(alert.id)).status).toBe(200);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toMatchObject({ from: "paywall@example.com", to: ["owner@example.com"], user: "owner@example.com" });
    expect(decodedSubject(smtp.mails[0].data)).toBe("【付费阅读】测试提醒");
  });

  it("webhook: answers its signing secret once, never lists it, and signs per Standard Webhooks", async () => {
    const created = await createAlert({ kind: "webhook", url: `${rx.url}/hook` });
    expect(created.secret).toMatch(/^whsec_/);
    const listed = await call(list, await adminRequest("token", "GET", "/api/admin/alerts"));
    expect(JSON.stringify(listed.json)).not.toContain(created.secret);
    expect(listed.json.items[0].target).toBe(`${rx.url}/hook`);

    expect((await sendTest(created.alert.id)).status).toBe(200);
    const r = rx.requests[0];
    const verified = new Webhook(created.secret).verify(r.body, {
      "webhook-id": String(r.headers["webhook-id"]),
      "webhook-timestamp": String(r.headers["webhook-timestamp"]),
      "webhook-signature": String(r.headers["webhook-signature"]),
    }) as { type: string; data: unknown };
    expect(verified.type).toBe("alert.test");
  });

  it("says why a test did not arrive (502 with the service's answer) and keeps it as the alert's last error", async () => {
    rx.answer(200, { errcode: 310000, errmsg: "keywords not in content" });
    const { alert } = await createAlert({ kind: "dingtalk", url: `${rx.url}/robot/send?access_token=tok` });
    const res = await sendTest(alert.id);
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe("delivery_failed");
    expect(res.json.error.message).toContain("keywords not in content");
    expect((await db().alert.findUniqueOrThrow({ where: { id: alert.id } })).lastError).toContain("keywords not in content");
  });

  it("refuses a bad alert with a clear 400: unknown kind, no events, a URL that is not http(s)", async () => {
    const bad = async (body: unknown) => call(create, await adminRequest("token", "POST", "/api/admin/alerts", { body }));
    expect((await bad({ kind: "pager", events: EVENTS })).json.error.message).toContain("kind 必须是");
    expect((await bad({ kind: "webhook", url: `${rx.url}/x`, events: [] })).json.error.message).toContain("至少选择一个事件");
    const res = await bad({ kind: "wecom", url: "ftp://x", events: EVENTS });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain("http://");
  });

  it("deletes an alert", async () => {
    const { alert } = await createAlert({ kind: "wecom", url: `${rx.url}/w` });
    const res = await call(remove, await adminRequest("token", "DELETE", `/api/admin/alerts/${alert.id}`), { id: alert.id });
    expect(res.status).toBe(200);
    expect(await db().alert.count()).toBe(0);
  });
});

/** The Subject header of a raw mail, RFC 2047 encoded-words decoded. */
function decodedSubject(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? "";
  return header
    .replace(/\r?\n[ \t]/g, " ")
    .replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (_m, b64: string) => Buffer.from(b64, "base64").toString("utf8"))
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=\s*/gi, (_m, q: string) =>
      Buffer.from(
        q.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
        "latin1",
      ).toString("utf8"),
    )
    .trim();
}
