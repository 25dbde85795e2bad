import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeArticle, makeQr } from "../support/db";
import { cookieFrom } from "../support/http";
import { wechatReceipt, alipayReceipt } from "../support/notify";
import { expectNoSharedSlots, order, pay, phoneOnline } from "../support/matching";

describe("taking amounts under concurrency", () => {
  it("gives 60 concurrent readers of one article 60 different amounts", async () => {
    process.env.ORDER_RATE_PER_IP = "1000";
    // ¥10.00: the 10% band holds 101 amounts, capped at 100 by AMOUNT_STEPS.
    const article = await makeArticle({ priceCents: 1000 });
    await makeQr("wechat");
    await phoneOnline();
    // 60 readers on 60 addresses (one address may hold only ORDER_MAX_HELD_PER_IP amounts).
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => order(article.slug, { ip: `203.0.113.${i}` })));
    expect(results.map((r) => r.status)).toEqual(Array(60).fill(201));
    const amounts = results.map((r) => r.json.amountCents as number);
    expect(new Set(amounts).size).toBe(60);
    expect(Math.max(...amounts)).toBe(1000);
    expect(Math.min(...amounts)).toBe(941);
    await expectNoSharedSlots();
  });

  it("never sells below 90% under pressure: 60 readers of a ¥1.00 post get ¥1.00–¥0.90 or 503 busy", async () => {
    process.env.ORDER_RATE_PER_IP = "1000";
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await phoneOnline();
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => order(article.slug, { ip: `198.51.100.${i}` })));
    const ok = results.filter((r) => r.status === 201).map((r) => r.json.amountCents as number);
    expect(ok.sort((a, b) => b - a)).toEqual([100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 90]);
    const busy = results.filter((r) => r.status !== 201);
    expect(busy).toHaveLength(49);
    for (const b of busy) {
      expect(b.status).toBe(503);
      expect(b.json.error.code).toBe("busy");
      expect(Number(b.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(await db().order.count({ where: { amountCents: { lt: 90 } } })).toBe(0);
  });

  it("keeps the band when upward steps are allowed: never above 110%", async () => {
    process.env.ORDER_RATE_PER_IP = "1000";
    process.env.AMOUNT_DIRECTION = "both";
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await phoneOnline();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => order(article.slug, { ip: `192.0.2.${i}` })));
    const ok = results.filter((r) => r.status === 201).map((r) => r.json.amountCents as number);
    expect(ok.sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => 90 + i));
    expect(results.filter((r) => r.status === 503)).toHaveLength(9);
  });

  it("answers 503 busy with Retry-After once every amount is held, and never shares one", async () => {
    process.env.ORDER_RATE_PER_IP = "1000";
    process.env.AMOUNT_STEPS = "9";
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await phoneOnline();
    const results = await Promise.all(Array.from({ length: 25 }, () => order(article.slug)));
    const ok = results.filter((r) => r.status === 201);
    const busy = results.filter((r) => r.status === 503);
    expect(ok).toHaveLength(10);
    expect(busy).toHaveLength(15);
    for (const b of busy) {
      expect(b.json.error.code).toBe("busy");
      expect(Number(b.headers.get("retry-after"))).toBeGreaterThan(100);
    }
    expect(new Set(ok.map((r) => r.json.amountCents)).size).toBe(10);
    await expectNoSharedSlots();
  });

  it("keeps one open order when the same reader clicks ten times at once", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await phoneOnline();
    const first = await order(article.slug);
    const cookie = cookieFrom(first);
    const again = await Promise.all(Array.from({ length: 10 }, () => order(article.slug, { cookie })));
    expect(new Set(again.map((r) => r.json.id))).toEqual(new Set([first.json.id]));
    expect(await db().order.count()).toBe(1);
  });

  it("settles a slot once when two different deliveries race for it", async () => {
    const article = await makeArticle({ priceCents: 80 });
    await makeQr("wechat");
    await phoneOnline();
    const o = await order(article.slug);
    const [a, b] = await Promise.all([
      pay(wechatReceipt(80)),
      pay({ title: "微信支付", content: "[2条]微信支付: 微信支付收款0.80元(朋友到店)", package: "com.tencent.mm" }),
    ]);
    const results = [a.json, b.json];
    expect(results.filter((r) => r.result === "matched")).toEqual([{ result: "matched", orderId: o.json.id }]);
    expect(results.filter((r) => r.result === "unmatched")).toEqual([{ result: "unmatched", suspectedDuplicate: true }]);
    expect(await db().payment.count({ where: { orderId: o.json.id } })).toBe(1);
    expect(await db().entitlement.count()).toBe(1);
  });

  it("answers duplicate to all but one of five concurrent re-deliveries with one webhook-id", async () => {
    const article = await makeArticle();
    await makeQr("alipay");
    await phoneOnline();
    await order(article.slug, { channel: "alipay" });
    const res = await Promise.all(Array.from({ length: 5 }, () => pay(alipayReceipt(100), { id: "msg_retry_storm" })));
    expect(res.map((r) => r.json.result).sort()).toEqual(["duplicate", "duplicate", "duplicate", "duplicate", "matched"]);
    expect(await db().payment.count()).toBe(1);
  });
});
