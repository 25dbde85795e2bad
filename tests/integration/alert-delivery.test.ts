import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { POST as notify } from "@/app/(phone)/api/notify/route";
import { GET as listAlerts } from "@/app/api/admin/alerts/route";
import { db } from "@/lib/db/client";
import { createAlert } from "@/lib/alerts/admin";
import { runDueJobs } from "@/lib/jobs/runner";
import { handlers } from "@/lib/worker/start";
import { watchNotifiers } from "@/lib/watch/notifier";
import { newId } from "@/lib/ids";
import { call } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";
import { signedNotify, TEST_SECRET, wechatReceipt } from "../support/notify";
import { openOrder } from "../support/orders";
import { startReceiver, type Receiver } from "../support/receiver";
import type { EventType } from "@/lib/alerts/events";

let rx: Receiver;
beforeAll(async () => (rx = await startReceiver()));
afterAll(async () => rx.close());
beforeEach(() => {
  rx.requests.length = 0;
  rx.answer(200, {});
  process.env.NOTIFY_SECRET = TEST_SECRET;
});

async function webhook(events: EventType[]) {
  return createAlert({ kind: "webhook", events, allowPrivate: true, config: { url: `${rx.url}/hook` } });
}
/** Runs the worker until nothing is due (fan-out, then deliveries). */
async function drain(workerId = "test-worker") {
  while ((await runDueJobs(handlers, { workerId })) > 0);
}
const bodies = () => rx.requests.map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });

describe("alert delivery through the job queue", () => {
  it("queues payment.matched in the payment's transaction and delivers it later from the worker, signed", async () => {
    const { secret } = await webhook(["payment.matched"]);
    const o = await openOrder("wechat", 100);
    const res = await call(notify, signedNotify(wechatReceipt(o.amountCents)));
    expect(res.json.result).toBe("matched");
    // The payment answered without touching the network.
    expect(rx.requests).toHaveLength(0);
    expect(await db().job.count({ where: { status: "pending" } })).toBe(1);

    await drain();
    expect(rx.requests).toHaveLength(1);
    const r = rx.requests[0];
    const event = new Webhook(secret!).verify(r.body, {
      "webhook-id": String(r.headers["webhook-id"]),
      "webhook-timestamp": String(r.headers["webhook-timestamp"]),
      "webhook-signature": String(r.headers["webhook-signature"]),
    }) as { type: string; data: { orderId: string; amountCents: number; article: { title: string } } };
    expect(event.type).toBe("payment.matched");
    expect(event.data).toMatchObject({ orderId: o.id, amountCents: o.amountCents, article: { title: "测试文章" } });
    expect(await db().job.count({ where: { status: "done" } })).toBe(2);
  });

  it("sends payment.unmatched only to alerts that chose it, and nothing when no alert wants the event", async () => {
    await webhook(["payment.unmatched"]);
    await call(notify, signedNotify({ type: "heartbeat" }));
    await call(notify, signedNotify(wechatReceipt(4321)));
    await drain();
    expect(bodies().map((b) => b.type)).toEqual(["payment.unmatched"]);
    expect(bodies()[0].data).toMatchObject({ amountCents: 4321, channel: "wechat" });

    await db().alert.deleteMany();
    await db().job.deleteMany();
    await call(notify, signedNotify(wechatReceipt(4322)));
    expect(await db().job.count()).toBe(0);
  });

  it("raises notification.unreadable with the raw text when a payment app's receipt has no readable amount", async () => {
    await webhook(["notification.unreadable"]);
    const res = await call(notify, signedNotify({ package: "com.tencent.mm", title: "微信支付", content: "收款到账通知" }));
    expect(res.json.result).toBe("ignored");
    await drain();
    expect(bodies()[0]).toMatchObject({
      type: "notification.unreadable",
      data: { package: "com.tencent.mm", title: "微信支付", text: "收款到账通知" },
    });
  });

  it("retries a failed delivery with backoff, shows the last error in the admin, and never touches the payment", async () => {
    await webhook(["payment.matched"]);
    rx.answer(500, { error: "down for maintenance" });
    const o = await openOrder("wechat", 100);
    expect((await call(notify, signedNotify(wechatReceipt(o.amountCents)))).json.result).toBe("matched");
    await drain();
    const job = await db().job.findFirstOrThrow({ where: { kind: "alert.deliver" } });
    expect(job).toMatchObject({ status: "pending", attempts: 1 });
    expect(job.lastError).toContain("HTTP 500");
    expect(job.runAt.getTime() - Date.now()).toBeGreaterThan(20_000);

    enableAdmin();
    const listed = await call(listAlerts, await adminRequest("token", "GET", "/api/admin/alerts"));
    expect(listed.json.items[0].lastError).toContain("HTTP 500");
    expect(listed.json.items[0].deliveries[0]).toMatchObject({ status: "pending", attempts: 1, eventType: "payment.matched" });
    expect((await db().order.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("paid");

    // Due again: it succeeds now and the error clears.
    rx.answer(200, {});
    await db().job.update({ where: { id: job.id }, data: { runAt: new Date() } });
    await drain();
    expect(await db().job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "done", attempts: 2, lastError: null });
    expect((await db().alert.findFirstOrThrow()).lastError).toBeNull();
  });

  it("gives up after the last attempt and keeps the job as failed", async () => {
    const { alert } = await webhook(["payment.matched"]);
    rx.answer(404, {});
    await db().job.create({
      data: {
        id: "job_x",
        kind: "alert.deliver",
        payload: JSON.stringify({
          alertId: alert.id,
          event: { id: "evt_x", type: "payment.matched", timestamp: new Date().toISOString(), data: {} },
        }),
        attempts: 7,
        maxAttempts: 8,
        ref: alert.id,
      },
    });
    await drain();
    expect(await db().job.findUniqueOrThrow({ where: { id: "job_x" } })).toMatchObject({ status: "failed", attempts: 8 });
  });

  it("never delivers one job twice when two workers run at once, and takes over a job whose worker died", async () => {
    const { alert } = await webhook(["payment.matched"]);
    const data = { paymentId: "p", orderId: "o", channel: "wechat", amountCents: 100, late: false, article: null };
    const event = { id: "evt_once", type: "payment.matched", timestamp: new Date().toISOString(), data };
    const payload = JSON.stringify({ alertId: alert.id, event });
    await db().job.createMany({
      data: Array.from({ length: 6 }, (_, i) => ({ id: `job_${i}`, kind: "alert.deliver", payload, ref: alert.id })),
    });
    await Promise.all([drain("worker-a"), drain("worker-b"), drain("worker-c")]);
    expect(rx.requests).toHaveLength(6);
    expect(new Set((await db().job.findMany()).map((j) => j.status))).toEqual(new Set(["done"]));

    // A worker died holding a lease: once the lease has run out, another worker delivers it.
    await db().job.create({
      data: {
        id: "job_orphan",
        kind: "alert.deliver",
        payload,
        ref: alert.id,
        status: "running",
        lockedBy: "dead",
        lockedUntil: new Date(Date.now() - 1000),
        attempts: 1,
      },
    });
    await db().job.create({
      data: {
        id: "job_leased",
        kind: "alert.deliver",
        payload,
        ref: alert.id,
        status: "running",
        lockedBy: "alive",
        lockedUntil: new Date(Date.now() + 60_000),
        attempts: 1,
      },
    });
    await drain();
    expect((await db().job.findUniqueOrThrow({ where: { id: "job_orphan" } })).status).toBe("done");
    expect((await db().job.findUniqueOrThrow({ where: { id: "job_leased" } })).status).toBe("running");
  });
});

describe("the phone watch (worker tick, no request needed)", () => {
  async function device(id: string, seenSecondsAgo: number) {
    return db().device.create({
      data: { id, name: `手机 ${id}`, secret: "s", protocol: "native", lastHeartbeatAt: new Date(Date.now() - seenSecondsAgo * 1000) },
    });
  }

  it("raises notifier.offline once when a phone goes quiet and notifier.online when it is back", async () => {
    await webhook(["notifier.offline", "notifier.online"]);
    await device("p1", 5);
    await watchNotifiers();
    await watchNotifiers(new Date(Date.now() + 200_000));
    await watchNotifiers(new Date(Date.now() + 230_000)); // still offline: nothing new
    await db().device.update({ where: { id: "p1" }, data: { lastHeartbeatAt: new Date(Date.now() + 240_000) } });
    await watchNotifiers(new Date(Date.now() + 245_000));
    await drain();
    expect(bodies().map((b) => b.type)).toEqual(["notifier.offline", "notifier.online"]);
    expect(bodies()[0].data).toMatchObject({ deviceId: "p1", name: "手机 p1" });
  });

  it("raises each change once even when two processes watch at the same moment", async () => {
    await webhook(["notifier.offline"]);
    await device("p2", 5);
    await watchNotifiers();
    const later = new Date(Date.now() + 200_000);
    await Promise.all([watchNotifiers(later), watchNotifiers(later), watchNotifiers(later)]);
    await drain();
    expect(bodies().map((b) => b.type)).toEqual(["notifier.offline"]);
  });

  it("raises notifier.silent when an online phone forwarded nothing for longer than its usual gap while orders ran out unpaid", async () => {
    await webhook(["notifier.silent"]);
    const now = Date.now();
    await device("p3", 5);
    // History: a forwarded notification every hour for 12 hours, the last one 3 hours ago.
    for (let i = 0; i < 12; i++) {
      await db().notification.create({
        data: {
          id: newId(),
          deviceId: "p3",
          protocol: "native",
          method: "POST",
          path: "/api/notify",
          headers: "{}",
          body: "{}",
          verifyResult: "ok",
          outcome: "matched",
          receivedAt: new Date(now - (3 + 11 - i) * 3600_000),
        },
      });
    }
    await db().device.update({ where: { id: "p3" }, data: { lastNotificationAt: new Date(now - 3 * 3600_000) } });
    await watchNotifiers();
    expect(await db().job.count()).toBe(0); // silent, but no reader lost anything yet

    const o = await openOrder("wechat", 100);
    await db().order.update({ where: { id: o.id }, data: { expiresAt: new Date(now - 60_000) } });
    await db().device.updateMany({ data: { lastHeartbeatAt: new Date() } });
    await watchNotifiers();
    await watchNotifiers(); // once per silence
    await drain();
    expect(bodies().map((b) => b.type)).toEqual(["notifier.silent"]);
    expect(bodies()[0].data).toMatchObject({ deviceId: "p3", usualGapSeconds: 3600, unpaidOrders: 1 });
  });
});
