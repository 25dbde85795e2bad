import { describe, expect, it } from "vitest";
import { GET as goLive } from "@/app/api/admin/go-live/route";
import { GET as dashboard } from "@/app/api/admin/dashboard/route";
import { POST as notify } from "@/app/(phone)/api/notify/route";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { missedShare } from "@/lib/watch/missed";
import { call } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";
import { makeArticle, makeQr } from "../support/db";
import { signedNotify, TEST_SECRET } from "../support/notify";

const ago = (s: number) => new Date(Date.now() - s * 1000);

async function order(articleId: string, amountCents: number, createdSecondsAgo: number, status = "expired") {
  const createdAt = ago(createdSecondsAgo);
  return db().order.create({
    data: {
      id: newId(),
      articleId,
      readerId: newId(4),
      channel: "wechat",
      listPriceCents: 100,
      amountCents,
      status,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + 120_000),
      slotHeldUntil: new Date(createdAt.getTime() + 720_000),
    },
  });
}
async function payment(data: { amountCents: number; status: string; source?: string; orderId?: string; at: Date }) {
  return db().payment.create({
    data: {
      id: newId(),
      channel: "wechat",
      dedupeKey: newId(),
      receivedAt: data.at,
      amountCents: data.amountCents,
      status: data.status,
      source: data.source ?? "notify",
      orderId: data.orderId,
    },
  });
}

describe("missed-notification watch", () => {
  it("counts readers the phone did not report in time: settled from the bill, assigned by hand, or money that came after the order ran out", async () => {
    const a = await makeArticle();
    const onTime = await order(a.id, 99, 3600, "paid");
    await payment({ amountCents: 99, status: "matched", orderId: onTime.id, at: ago(3590) });
    const fromBill = await order(a.id, 98, 7200, "paid");
    await payment({ amountCents: 98, status: "matched", source: "bill", orderId: fromBill.id, at: ago(60) });
    const byHand = await order(a.id, 97, 7200, "paid");
    await payment({ amountCents: 97, status: "assigned", orderId: byHand.id, at: ago(7000) });
    await order(a.id, 96, 5000);
    await payment({ amountCents: 96, status: "unmatched", at: ago(5000 - 900) }); // 15 min later: after the grace window
    await order(a.id, 95, 5000); // abandoned: nobody paid
    await payment({ amountCents: 94, status: "unmatched", at: ago(100) }); // money for no order at all

    expect(await missedShare()).toEqual({ share: 0.75, missed: 3, paidByPhone: 1, days: 30 });
  });

  it("shows the share, failing alerts and an unfinished go-live on the dashboard", async () => {
    enableAdmin();
    await db().alert.create({ data: { id: "a1", kind: "wecom", name: "群", config: "{}", events: "[]", lastError: "HTTP 500" } });
    const res = await call(dashboard, await adminRequest("token", "GET", "/api/admin/dashboard"));
    expect(res.json).toMatchObject({ missedNotifications: { share: null, missed: 0 }, failingAlerts: 1, goLivePending: true });
  });
});

describe("go-live walkthrough", () => {
  it("ticks off codes, phone and test from what the server sees", async () => {
    enableAdmin();
    const state = async () => (await call(goLive, await adminRequest("token", "GET", "/api/admin/go-live"))).json;
    await makeQr("wechat", null, { demo: true });
    expect(await state()).toMatchObject({ codes: { done: false }, phone: { done: false }, test: { done: false }, done: false });

    await makeQr("alipay");
    process.env.NOTIFY_SECRET = TEST_SECRET;
    await call(notify, signedNotify({ type: "heartbeat" }));
    expect(await state()).toMatchObject({ codes: { done: true, alipay: 1, wechat: 0 }, phone: { done: true }, test: { done: false } });

    await call(notify, signedNotify({ package: "cn.ppps.forwarder", title: "测试", content: "这是一条测试消息" }));
    const done = await state();
    expect(done).toMatchObject({ test: { done: true, last: { outcome: "ignored" } }, done: true, demo: false });
    expect(done.phone.devices[0]).toMatchObject({ online: true });
  });
});
