/**
 * A standby (备用) phone next to the primary on one receiving account (lib/payments/standby.ts):
 * confirmations while the primary reports, the standby's report settling when the primary is
 * silent or offline, exactly one payment per payment whatever the order of the two reports.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runDueJobs } from "@/lib/jobs/runner";
import { handlers } from "@/lib/worker/start";
import { makeArticle } from "../support/db";
import { wechatReceipt } from "../support/notify";
import { order } from "../support/matching";
import { makePhone, secondAccount } from "../support/accounts";

async function setup() {
  process.env.DISABLE_DEMO = "1";
  const article = await makeArticle({ priceCents: 100 });
  const { account, phone: primary } = await secondAccount("wechat");
  const standby = await makePhone([{ id: account.id, role: "standby" }], { name: "备用机" });
  await db().alert.create({
    data: {
      id: "al_1",
      kind: "webhook",
      name: "hook",
      config: JSON.stringify({ url: "http://127.0.0.1:9/x" }),
      events: '["standby.active"]',
    },
  });
  return { article, account, primary, standby };
}

/** Lets the standby wait run out: the worker runs the jobs due `seconds` from now. */
const afterWait = (seconds = 21) => runDueJobs(handlers, { now: new Date(Date.now() + seconds * 1000) });

const payments = () => db().payment.findMany({ orderBy: { receivedAt: "asc" } });
const standbyAlerts = () => db().job.count({ where: { kind: "alert.fanout", ref: "standby.active" } });

describe("a standby phone while the primary reports", () => {
  it("records the standby's report of a payment the primary reported as a confirmation: one payment, nothing in the inbox", async () => {
    const { article, primary, standby } = await setup();
    const o = await order(article.slug, { ip: "203.0.113.1" });
    expect((await primary.pay(wechatReceipt(100))).json).toMatchObject({ result: "matched", orderId: o.json.id });
    expect((await standby.pay(wechatReceipt(100))).json).toEqual({ result: "confirmation" });
    const all = await payments();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: "matched", orderId: o.json.id });
    expect(await db().standbyReport.findFirstOrThrow()).toMatchObject({ status: "confirmed", paymentId: all[0].id });
    expect(await standbyAlerts()).toBe(0);
  });

  it("lets the standby's report wait when it comes first, and pairs it with the primary's report that follows", async () => {
    const { article, primary, standby } = await setup();
    const o = await order(article.slug, { ip: "203.0.113.2" });
    expect((await standby.pay(wechatReceipt(100))).json).toEqual({ result: "waiting" });
    expect((await db().order.findUniqueOrThrow({ where: { id: o.json.id } })).status).toBe("pending");
    expect((await primary.pay(wechatReceipt(100))).json).toMatchObject({ result: "matched", orderId: o.json.id });
    await afterWait();
    expect(await payments()).toHaveLength(1);
    expect((await db().standbyReport.findFirstOrThrow()).status).toBe("confirmed");
    expect(await db().payment.count({ where: { status: "unmatched" } })).toBe(0);
  });

  it("answers a resent standby report as a duplicate, never a second payment", async () => {
    const { article, standby } = await setup();
    await order(article.slug, { ip: "203.0.113.3" });
    expect((await standby.pay(wechatReceipt(100), "msg_same")).json).toEqual({ result: "waiting" });
    expect((await standby.pay(wechatReceipt(100), "msg_same")).json).toEqual({ result: "duplicate" });
    await afterWait();
    expect(await payments()).toHaveLength(1);
  });
});

describe("the standby takes over", () => {
  it("settles the order with the standby's report when the primary stays silent for the wait, and alerts the owner", async () => {
    const { article, standby } = await setup();
    const o = await order(article.slug, { ip: "203.0.113.4" });
    expect((await standby.pay(wechatReceipt(100))).json).toEqual({ result: "waiting" });
    // Not before the wait has run out.
    await runDueJobs(handlers);
    expect((await db().order.findUniqueOrThrow({ where: { id: o.json.id } })).status).toBe("pending");
    await afterWait();
    expect((await db().order.findUniqueOrThrow({ where: { id: o.json.id } })).status).toBe("paid");
    const rep = await db().standbyReport.findFirstOrThrow();
    expect(rep.status).toBe("settled");
    expect(await db().notification.findUniqueOrThrow({ where: { id: rep.notificationId! } })).toMatchObject({ outcome: "matched" });
    expect(await standbyAlerts()).toBe(1);
  });

  it("settles at once while the primary is offline, and a late report of the primary is a confirmation", async () => {
    const { article, account, primary, standby } = await setup();
    await db().device.updateMany({
      where: { accounts: { some: { accountId: account.id, role: "primary" } } },
      data: { lastHeartbeatAt: new Date(Date.now() - 3600_000) },
    });
    const o = await order(article.slug, { ip: "203.0.113.5" });
    // The standby keeps the account online on its own; with no primary online it settles at once.
    expect(o.status).toBe(201);
    expect((await standby.pay(wechatReceipt(100))).json).toMatchObject({ result: "matched", orderId: o.json.id });
    expect(await standbyAlerts()).toBe(1);
    // The primary comes back and forwards the same notification: not a second payment, not an inbox entry.
    expect((await primary.pay(wechatReceipt(100))).json).toEqual({ result: "confirmation" });
    expect(await payments()).toHaveLength(1);
    expect((await db().standbyReport.findFirstOrThrow()).primaryKey).not.toBeNull();
  });

  it("pairs each of two same-amount payments once when the account's amount is reused after the echo window", async () => {
    process.env.ECHO_WINDOW_SECONDS = "0";
    const { article, primary, standby } = await setup();
    const first = await order(article.slug, { ip: "203.0.113.6" });
    expect((await primary.pay(wechatReceipt(100))).json).toMatchObject({ orderId: first.json.id });
    expect((await standby.pay(wechatReceipt(100))).json).toEqual({ result: "confirmation" });
    const second = await order(article.slug, { ip: "203.0.113.7" });
    expect(second.json.amountCents).toBe(100);
    // This time the primary misses it: the standby's report waits, then settles the second order.
    expect((await standby.pay(wechatReceipt(100))).json).toEqual({ result: "waiting" });
    await afterWait();
    expect((await db().order.findUniqueOrThrow({ where: { id: second.json.id } })).status).toBe("paid");
    expect(await payments()).toHaveLength(2);
  });
});
