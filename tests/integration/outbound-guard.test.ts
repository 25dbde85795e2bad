import dns from "node:dns/promises";
import os from "node:os";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as create } from "@/app/api/admin/alerts/route";
import { PATCH as patchAlert } from "@/app/api/admin/alerts/[id]/route";
import { POST as test } from "@/app/api/admin/alerts/[id]/test/route";
import { POST as mapi } from "@/app/(epay)/mapi.php/route";
import { db } from "@/lib/db/client";
import { isPublicAddress } from "@/lib/http/outbound";
import { startWorker } from "@/lib/worker/start";
import { call } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";
import { startReceiver, type Receiver } from "../support/receiver";
import { startTrickle, type Trickle } from "../support/trickle";
import { epaySign } from "../support/merchant-site";
import { gatewayOpen, gatewayRequest, newMerchant, phonePays } from "../support/gateway";

let rx: Receiver;
let trickle: Trickle;
beforeEach(async () => {
  enableAdmin();
  rx = await startReceiver();
  trickle = await startTrickle();
});
afterEach(async () => {
  await rx.close();
  await trickle.close();
});

const createAlert = async (body: Record<string, unknown>) =>
  call(create, await adminRequest("token", "POST", "/api/admin/alerts", { body: { events: ["payment.unmatched"], ...body } }));
const sendTest = async (id: string) => call(test, await adminRequest("token", "POST", `/api/admin/alerts/${id}/test`), { id });

// This machine's own name resolves to a loopback or private address in /etc/hosts (checked, not assumed).
const ownName = os.hostname();
const ownNameIsPrivate = await dns
  .lookup(ownName, { all: true })
  .then((list) => list.length > 0 && list.every((a) => !isPublicAddress(a.address)))
  .catch(() => false);

describe("alert URLs get the merchant-notify address guard", () => {
  it("refuses an alert whose URL is a private or loopback address unless 允许内网地址 (allowPrivate) is ticked", async () => {
    for (const url of [`${rx.url}/hook`, "http://10.0.0.8/hook", "http://[::1]:9/hook", "http://localhost:9/hook"]) {
      const refused = await createAlert({ kind: "webhook", url });
      expect(refused.status, url).toBe(400);
      expect(refused.json.error.message).toContain("允许内网地址");
    }
    const allowed = await createAlert({ kind: "webhook", url: `${rx.url}/hook`, allowPrivate: true });
    expect(allowed.status).toBe(201);
    expect(allowed.json.alert.allowPrivate).toBe(true);
    expect((await sendTest(allowed.json.alert.id)).status).toBe(200);
    expect(rx.requests).toHaveLength(1);
    // Unticking it again is refused while the URL is private.
    const off = await call(
      patchAlert,
      await adminRequest("token", "PATCH", `/api/admin/alerts/${allowed.json.alert.id}`, { body: { allowPrivate: false } }),
      {
        id: allowed.json.alert.id,
      },
    );
    expect(off.status).toBe(400);
  });

  it.skipIf(!ownNameIsPrivate)("refuses at delivery a host name that resolves to a private address, sending nothing", async () => {
    const port = new URL(rx.url).port;
    const created = await createAlert({ kind: "wecom", url: `http://${ownName}:${port}/cgi-bin/webhook/send?key=k` });
    expect(created.status).toBe(201);
    const res = await sendTest(created.json.alert.id);
    expect(res.status).toBe(502);
    expect(res.json.error.message).toContain("内网或本机地址");
    expect(rx.requests).toHaveLength(0);
  });

  it("shows a failed delivery as status and a short reason, never the answer's body", async () => {
    const created = await createAlert({ kind: "webhook", url: `${rx.url}/hook`, allowPrivate: true });
    rx.answer(500, { internal: "db password is hunter2", stack: "at Server.handle (/srv/app.js:1:1)" });
    const res = await sendTest(created.json.alert.id);
    expect(res.status).toBe(502);
    expect(res.json.error.message).toContain("HTTP 500（Internal Server Error）");
    const lastError = (await db().alert.findFirstOrThrow()).lastError!;
    expect(lastError).toContain("HTTP 500");
    for (const shown of [res.json.error.message, lastError]) {
      expect(shown).not.toContain("hunter2");
      expect(shown).not.toContain("/srv/app.js");
    }
  });
});

describe("a slow endpoint cannot stall the worker", () => {
  it("cuts an alert delivery to an endpoint that answers 200 and then trickles at the hard deadline, recorded as 超时", async () => {
    const created = await createAlert({ kind: "webhook", url: `${trickle.url}/hook`, allowPrivate: true });
    const started = Date.now();
    const res = await sendTest(created.json.alert.id);
    const took = Date.now() - started;
    expect(res.status).toBe(502);
    expect(res.json.error.message).toContain("超时");
    // The deadline is 15 s; the slack is for a loaded CI machine. Without the deadline the endpoint never ends.
    expect(took).toBeLessThan(24_000);
    expect((await db().alert.findFirstOrThrow()).lastError).toContain("超时");
  }, 45_000);

  it("delivers an alert queued while a merchant notify trickles within 10 s, and records the notify as 超时", async () => {
    await gatewayOpen();
    const merchant = await newMerchant({ notifyDomains: ["127.0.0.1"] });
    const p: Record<string, string> = {
      pid: String(merchant.pid),
      type: "wxpay",
      out_trade_no: "SLOW1",
      notify_url: `${trickle.url}/notify`,
      name: "会员",
      money: "5",
      clientip: "203.0.113.9",
    };
    const opened = await call(mapi, gatewayRequest("POST", "/mapi.php", { ...p, sign: epaySign(p, merchant.key), sign_type: "MD5" }));
    const tradeNo = opened.json.trade_no as string;
    const order = await db().order.findFirstOrThrow({ where: { merchantOrderId: tradeNo } });
    expect(await phonePays("wechat", order.amountCents)).toMatchObject({ result: "matched" });
    const alert = await createAlert({ kind: "webhook", url: `${rx.url}/hook`, allowPrivate: true });
    expect(alert.status).toBe(201);

    const stop = startWorker();
    try {
      // The worker has taken the notify and is stuck reading the trickle.
      await until(() => trickle.hits > 0, 10_000);
      const queuedAt = Date.now();
      expect(await phonePays("wechat", 1)).toMatchObject({ result: "unmatched" });
      await until(() => rx.requests.length > 0, 10_000);
      expect(Date.now() - queuedAt).toBeLessThan(10_000);
      expect(JSON.parse(rx.requests[0].body)).toMatchObject({ type: "payment.unmatched", data: { amountCents: 1 } });
      // The notify itself ends at its deadline, recorded for the owner.
      await until(async () => ((await db().merchantOrder.findUniqueOrThrow({ where: { id: tradeNo } })).notifyAttempts ?? 0) > 0, 15_000);
      const mo = await db().merchantOrder.findUniqueOrThrow({ where: { id: tradeNo } });
      expect(mo).toMatchObject({ status: "paid_notify_failed" });
      expect(mo.lastNotifyResponse).toContain("超时");
    } finally {
      await stop();
    }
  }, 60_000);
});

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
