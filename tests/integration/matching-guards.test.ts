import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeArticle, makeQr } from "../support/db";
import { cookieFrom } from "../support/http";
import { order, pay, phoneOnline } from "../support/matching";

describe("notifier health gates new orders", () => {
  it("refuses orders with 503 notifier_offline once the phone is silent for NOTIFIER_OFFLINE_AFTER_SECONDS", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await phoneOnline();
    expect((await order(article.slug)).status).toBe(201);
    await db().device.updateMany({ data: { lastHeartbeatAt: new Date(Date.now() - 91_000) } });
    const res = await order(article.slug);
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("notifier_offline");
    expect(res.headers.get("retry-after")).toBeTruthy();
    process.env.NOTIFIER_OFFLINE_AFTER_SECONDS = "120";
    expect((await order(article.slug)).status).toBe(201);
  });

  it("counts a payment notification as a sign of life, like a heartbeat", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await phoneOnline();
    await db().device.updateMany({ data: { lastHeartbeatAt: new Date(Date.now() - 600_000) } });
    await pay({ title: "微信支付", content: "微信支付收款0.42元(朋友到店)" });
    expect((await order(article.slug)).status).toBe(201);
  });

  it("takes orders for the demo posts in demo mode, where no notifier is configured", async () => {
    const article = await makeArticle({ demo: true });
    await makeQr("wechat", null, { demo: true });
    expect((await order(article.slug)).status).toBe(201);
  });
});

describe("noisy notifier addresses", () => {
  it("still settles a correctly signed payment from an address that sent many forged ones, and stops storing the forgeries", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await phoneOnline();
    const o = await order(article.slug);
    const wrong = "whsec_" + Buffer.from("attacker key").toString("base64");
    for (let i = 0; i < 30; i++)
      expect((await pay({ title: "微信支付", content: "微信支付收款1.00元" }, { secret: wrong })).status).toBe(401);
    const blocked = await pay({ title: "微信支付", content: "微信支付收款1.00元" }, { secret: wrong });
    expect(blocked.status).toBe(429);
    expect(await db().notification.count({ where: { verifyResult: { not: "ok" } } })).toBe(30);
    expect((await pay({ title: "微信支付", content: "微信支付收款1.00元(朋友到店)" })).json).toEqual({
      result: "matched",
      orderId: o.json.id,
    });
  });
});

describe("order creation limits", () => {
  it("limits order creation per client IP and answers 429 with Retry-After", async () => {
    process.env.ORDER_RATE_PER_IP = "3";
    const article = await makeArticle();
    await makeQr("wechat");
    await phoneOnline();
    const res = [];
    for (let i = 0; i < 4; i++) res.push(await order(article.slug, { ip: "203.0.113.9" }));
    expect(res.map((r) => r.status)).toEqual([201, 201, 201, 429]);
    expect(res[3].json.error.code).toBe("rate_limited");
    expect(Number(res[3].headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await order(article.slug, { ip: "203.0.113.10" })).status).toBe(201);
  });

  it("ignores X-Forwarded-For unless TRUST_PROXY=1, so a client cannot dodge the IP limit by forging it", async () => {
    process.env.ORDER_RATE_PER_IP = "2";
    const article = await makeArticle();
    await makeQr("wechat");
    await phoneOnline();
    const forged = [];
    for (let i = 0; i < 3; i++)
      forged.push((await order(article.slug, { ip: "198.51.100.1", headers: { "x-forwarded-for": `10.0.0.${i}` } })).status);
    expect(forged).toEqual([201, 201, 429]);

    process.env.TRUST_PROXY = "1";
    const proxied = [];
    // Behind the proxy, the last entry is the one the proxy appended (the real client).
    for (let i = 0; i < 3; i++)
      proxied.push((await order(article.slug, { ip: "127.0.0.1", headers: { "x-forwarded-for": `192.0.2.${i}` } })).status);
    expect(proxied).toEqual([201, 201, 201]);
    const sameClient = [];
    // Entries the client itself sent before the proxy's are not believed.
    for (let i = 0; i < 3; i++)
      sameClient.push((await order(article.slug, { ip: "127.0.0.1", headers: { "x-forwarded-for": `10.9.9.${i}, 192.0.2.77` } })).status);
    expect(sameClient).toEqual([201, 201, 429]);
  });

  it("limits order creation per reader, so flipping channels cannot hoard amounts", async () => {
    process.env.ORDER_RATE_PER_READER = "3";
    const article = await makeArticle();
    await makeQr("wechat");
    await makeQr("alipay");
    await phoneOnline();
    const first = await order(article.slug);
    const cookie = cookieFrom(first);
    const flips = [];
    for (const channel of ["alipay", "wechat", "alipay"]) flips.push((await order(article.slug, { channel, cookie })).status);
    expect(flips).toEqual([201, 201, 429]);
    // Asking again for the order already open on a channel is free: it is returned, not re-created.
    expect((await order(article.slug, { channel: "wechat", cookie })).status).toBe(200);
  });

  it("returns the open order to a reader who asks again, and moves it when they switch channel", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await makeQr("alipay");
    await phoneOnline();
    const w = await order(article.slug);
    const cookie = cookieFrom(w);
    const a = await order(article.slug, { channel: "alipay", cookie });
    const a2 = await order(article.slug, { channel: "alipay", cookie });
    expect(a2.json.id).toBe(a.json.id);
    const open = await db().order.findMany({ where: { readerOpenKey: { not: null } }, select: { id: true } });
    expect(open).toEqual([{ id: a.json.id }]);
  });

  it("says whether the reader scans a fixed-amount code or must type the amount", async () => {
    process.env.ORDER_RATE_PER_IP = "100";
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await makeQr("wechat", 99);
    await phoneOnline();
    const first = await order(article.slug);
    const second = await order(article.slug);
    expect(first.json).toMatchObject({ amountCents: 99, qr: { fixedAmount: true, payload: "wxp://f2f0test99" } });
    expect(second.json).toMatchObject({ amountCents: 100, qr: { fixedAmount: false } });
  });
});
