/**
 * Daily ceilings per receiving account (lib/accounts/ceilings.ts, lib/orders/ceiling-gate.ts):
 * open and paid orders count, a full account is passed over, 「今日收款已满」 when none can take
 * the order — never a cheaper amount — and the owner's alerts at 80% and at the ceiling.
 */
import { describe, expect, it } from "vitest";
import { PATCH as patchAccount } from "@/app/api/admin/accounts/[id]/route";
import { PATCH as patchQr } from "@/app/api/admin/qr-codes/[id]/route";
import { db } from "@/lib/db/client";
import { accountStates } from "@/lib/accounts/store";
import { makeArticle, makeQr } from "../support/db";
import { wechatReceipt } from "../support/notify";
import { age, order, pay, phoneOnline } from "../support/matching";
import { secondAccount } from "../support/accounts";
import { call } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";

async function limits(id: string, body: unknown) {
  enableAdmin();
  return call(patchAccount, await adminRequest("token", "PATCH", `/api/admin/accounts/${id}`, { body: { limits: body } }), { id });
}

async function site(priceCents = 100) {
  const article = await makeArticle({ priceCents });
  await makeQr("wechat");
  await phoneOnline();
  await accountStates();
  return article;
}

describe("a daily ceiling on the only account", () => {
  it("counts open orders: the third reader of a 2-a-day account hears 「今日收款已满」, not a cheaper price", async () => {
    const article = await site();
    expect((await limits("acct_wechat", { perDayCount: 2 })).status).toBe(200);
    expect((await order(article.slug, { ip: "203.0.113.1" })).status).toBe(201);
    expect((await order(article.slug, { ip: "203.0.113.2" })).status).toBe(201);
    const full = await order(article.slug, { ip: "203.0.113.3" });
    expect(full.status).toBe(503);
    expect(full.json.error.code).toBe("daily_limit");
    expect(full.json.error.message).toContain("今日收款已满");
    expect(Number(full.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("frees the place of an order that ran out unpaid, but not of one that was paid", async () => {
    const article = await site();
    await limits("acct_wechat", { perDayCount: 2 });
    const a = await order(article.slug, { ip: "203.0.113.1" });
    const b = await order(article.slug, { ip: "203.0.113.2" });
    expect((await pay(wechatReceipt(a.json.amountCents))).json.result).toBe("matched");
    await age(b.json.id, 3600); // ran out an hour ago
    expect((await order(article.slug, { ip: "203.0.113.3" })).status).toBe(201);
    expect((await order(article.slug, { ip: "203.0.113.4" })).json.error.code).toBe("daily_limit");
  });

  it("checks money with the price quoted, never stepping down to squeeze under the ceiling", async () => {
    const article = await site();
    await limits("acct_wechat", { perDayCents: 250 });
    expect((await order(article.slug, { ip: "203.0.113.1" })).json.amountCents).toBe(100);
    expect((await order(article.slug, { ip: "203.0.113.2" })).json.amountCents).toBe(99);
    // ¥1.99 taken; another ¥1.00 (or ¥0.98) would pass ¥2.50.
    expect((await order(article.slug, { ip: "203.0.113.3" })).json.error.code).toBe("daily_limit");
  });

  it("moves on to the next amount when one amount has had its payments for the day", async () => {
    const article = await site();
    await limits("acct_wechat", { perDaySameAmount: 1 });
    const a = await order(article.slug, { ip: "203.0.113.1" });
    await pay(wechatReceipt(a.json.amountCents));
    process.env.ECHO_WINDOW_SECONDS = "0";
    const b = await order(article.slug, { ip: "203.0.113.2" });
    expect([a.json.amountCents, b.json.amountCents]).toEqual([100, 99]);
  });
});

describe("several accounts and channels", () => {
  it("passes over a full account while another serves, and offers the other channel when the whole channel is full", async () => {
    const article = await site();
    const { account } = await secondAccount("wechat");
    await limits(account.id, { perDayCount: 1 });
    await limits("acct_wechat", { perDayCount: 1 });
    const first = await order(article.slug, { ip: "203.0.113.1" });
    const second = await order(article.slug, { ip: "203.0.113.2" });
    const rows = await db().order.findMany({ where: { id: { in: [first.json.id, second.json.id] } }, select: { accountId: true } });
    expect(new Set(rows.map((r) => r.accountId))).toEqual(new Set(["acct_wechat", account.id]));
    await makeQr("alipay");
    const third = await order(article.slug, { ip: "203.0.113.3" });
    expect(third.status).toBe(503);
    expect(third.json.error).toMatchObject({ code: "daily_limit", details: { offerChannel: "alipay" } });
    expect((await order(article.slug, { channel: "alipay", ip: "203.0.113.3" })).status).toBe(201);
  });

  it("skips a fixed-amount code at its own daily count and falls back to the account's universal code", async () => {
    const article = await site();
    const fixed = await makeQr("wechat", 100, { payload: "wxp://f2f0fixed100" });
    enableAdmin();
    const set = await call(patchQr, await adminRequest("token", "PATCH", `/api/admin/qr-codes/${fixed.id}`, { body: { perDayCount: 1 } }), {
      id: fixed.id,
    });
    expect(set.status).toBe(200);
    const a = await order(article.slug, { ip: "203.0.113.1" });
    expect(a.json.qr).toEqual({ payload: "wxp://f2f0fixed100", fixedAmount: true });
    await pay(wechatReceipt(100));
    process.env.ECHO_WINDOW_SECONDS = "0";
    const b = await order(article.slug, { ip: "203.0.113.2" });
    expect(b.json.qr.fixedAmount).toBe(false);
  });
});

describe("the owner's ceilings", () => {
  it("alerts at 80% and at the ceiling, once each per day", async () => {
    const article = await site();
    await db().alert.create({ data: { id: "al_c", kind: "webhook", name: "h", config: "{}", events: '["account.ceiling"]' } });
    await limits("acct_wechat", { perDayCount: 5 });
    for (let i = 1; i <= 5; i++) expect((await order(article.slug, { ip: `203.0.113.${i}` })).status).toBe(201);
    await order(article.slug, { ip: "203.0.113.9" });
    const jobs = await db().job.findMany({ where: { ref: "account.ceiling" }, orderBy: { createdAt: "asc" } });
    expect(jobs.map((j) => JSON.parse(j.payload).data).map((d: { percent: number; used: number }) => [d.percent, d.used])).toEqual([
      [80, 4],
      [100, 5],
    ]);
  });

  it("takes ceilings through the API, refuses nonsense with 400 and removes one with null", async () => {
    await site();
    expect((await limits("acct_wechat", { perDayCount: 0 })).status).toBe(400);
    expect((await limits("acct_wechat", { perDayCount: 1.5 })).status).toBe(400);
    expect((await limits("acct_wechat", { perWeek: 3 })).status).toBe(400);
    const ok = await limits("acct_wechat", { perDayCount: 50, perDayCents: 50_000 });
    expect(ok.json).toMatchObject({ perDayCount: 50, perDayCents: 50_000, perDaySameAmount: null });
    expect((await limits("acct_wechat", { perDayCount: null })).json).toMatchObject({ perDayCount: null, perDayCents: 50_000 });
  });
});
