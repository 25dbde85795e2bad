/**
 * 付不了？ (POST /api/orders/{id}/problem, lib/orders/problem.ts): the owner is alerted, a
 * restriction report pauses the account and the reader gets another account or channel, and
 * one reader cannot stop every account by reporting again and again.
 */
import { describe, expect, it } from "vitest";
import { POST as problem } from "@/app/api/orders/[id]/problem/route";
import { db } from "@/lib/db/client";
import { makeArticle, makeQr } from "../support/db";
import { order, phoneOnline } from "../support/matching";
import { secondAccount } from "../support/accounts";
import { call, cookieFrom, readerRequest } from "../support/http";

async function report(orderId: string, cookie: string, body: unknown, ip = "203.0.113.9") {
  return call(problem, readerRequest("POST", `/api/orders/${orderId}/problem`, { body, cookie, headers: { "x-paywall-peer": ip } }), {
    id: orderId,
  });
}

async function readerOrder(slug: string, ip: string, channel = "wechat") {
  const res = await order(slug, { ip, channel });
  return { res, cookie: cookieFrom(res) };
}

describe("付不了？", () => {
  it("pauses the account the wallet refused, alerts the owner, and the reader's next code is another account's", async () => {
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await phoneOnline();
    const { account } = await secondAccount("wechat");
    await db().alert.create({
      data: { id: "al_p", kind: "webhook", name: "h", config: "{}", events: '["reader.problem","account.paused"]' },
    });
    const { res, cookie } = await readerOrder(article.slug, "203.0.113.1");
    const first = await db().order.findUniqueOrThrow({ where: { id: res.json.id } });
    const answer = await report(res.json.id, cookie, { kind: "restricted", text: "扫码后提示收款方存在违规行为" });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ effect: "paused", offer: { channel: "wechat", sameChannel: true } });
    expect((await db().account.findUniqueOrThrow({ where: { id: first.accountId! } })).health).toBe("paused");
    expect(await db().job.count({ where: { ref: "reader.problem" } })).toBe(1);
    expect(await db().job.count({ where: { ref: "account.paused" } })).toBe(1);
    // The same dialog asks again: a new order, on the other account.
    const again = await order(article.slug, { ip: "203.0.113.1", headers: { cookie } });
    expect(again.status).toBe(201);
    expect(again.json.id).not.toBe(res.json.id);
    const second = await db().order.findUniqueOrThrow({ where: { id: again.json.id } });
    expect(second.accountId).not.toBe(first.accountId);
    expect([first.accountId, second.accountId].sort()).toEqual(["acct_wechat", account.id].sort());
  });

  it("offers the other channel when the channel's only account is paused", async () => {
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await makeQr("alipay");
    await phoneOnline();
    const { res, cookie } = await readerOrder(article.slug, "203.0.113.2");
    const answer = await report(res.json.id, cookie, { kind: "abnormal" });
    expect(answer.json).toMatchObject({ effect: "paused", offer: { channel: "alipay", sameChannel: false } });
    expect(answer.json.message).toContain("改用支付宝");
  });

  it("stops the account for the rest of the day on 收款次数已达上限", async () => {
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await phoneOnline();
    await secondAccount("wechat");
    const { res, cookie } = await readerOrder(article.slug, "203.0.113.3");
    const answer = await report(res.json.id, cookie, { kind: "limit" });
    expect(answer.json.effect).toBe("full_today");
    const acc = await db().account.findFirstOrThrow({ where: { fullUntil: { not: null } } });
    expect(acc.health).toBe("ok");
    expect(acc.fullUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it("accepts a report only from the reader who holds the order, once per order, and never for a paid one", async () => {
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await phoneOnline();
    await secondAccount("wechat");
    const { res, cookie } = await readerOrder(article.slug, "203.0.113.4");
    const stranger = await readerOrder(article.slug, "203.0.113.5");
    expect((await report(res.json.id, stranger.cookie, { kind: "restricted" })).status).toBe(404);
    expect((await report(res.json.id, "", { kind: "restricted" })).status).toBe(404);
    expect((await report(res.json.id, cookie, { kind: "nonsense" })).status).toBe(400);
    expect((await report(res.json.id, cookie, { kind: "other", text: "x".repeat(201) })).status).toBe(400);
    expect((await report(res.json.id, cookie, { kind: "other" })).status).toBe(201);
    expect((await report(res.json.id, cookie, { kind: "restricted" })).status).toBe(409);
    expect(await db().account.count({ where: { health: "paused" } })).toBe(0);
  });

  it("lets one reader stop at most one account a day: a second false report is recorded and stops nothing", async () => {
    const article = await makeArticle({ priceCents: 100 });
    const other = await makeArticle({ priceCents: 200 });
    await makeQr("wechat");
    await phoneOnline();
    await secondAccount("wechat");
    const { res, cookie } = await readerOrder(article.slug, "203.0.113.6");
    expect((await report(res.json.id, cookie, { kind: "restricted" })).json.effect).toBe("paused");
    // Same reader (cookie), new order on the remaining account, another lie: recorded, not paused.
    const next = await order(other.slug, { ip: "203.0.113.6", headers: { cookie } });
    expect(next.status).toBe(201);
    const lie = await report(next.json.id, cookie, { kind: "restricted" });
    expect(lie.json.effect).toBe("recorded");
    expect(await db().account.count({ where: { health: "paused" } })).toBe(1);
    // Nor from the same address with a fresh cookie.
    const fresh = await readerOrder(other.slug, "203.0.113.6");
    expect((await report(fresh.res.json.id, fresh.cookie, { kind: "abnormal" }, "203.0.113.9")).json.effect).toBe("recorded");
    expect(await db().account.count({ where: { health: "paused" } })).toBe(1);
  });
});
