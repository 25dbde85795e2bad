import { describe, expect, it } from "vitest";
import { POST as createOrder } from "@/app/api/orders/route";
import { GET as getOrder, DELETE as deleteOrder } from "@/app/api/orders/[id]/route";
import { POST as notify } from "@/app/(phone)/api/notify/route";
import { GET as listArticles } from "@/app/api/articles/route";
import { POST as demoPay } from "@/app/api/demo/pay/route";
import { db } from "@/lib/db/client";
import { canRead } from "@/lib/entitlements/check";
import { verifyReaderCookie } from "@/lib/readers/session";
import { makeArticle, makeQr } from "../support/db";
import { call, cookieFrom, makeRequest, readerRequest } from "../support/http";
import { signedNotify, TEST_SECRET, wechatReceipt } from "../support/notify";

async function withPhoneOnline() {
  process.env.NOTIFY_SECRET = TEST_SECRET;
  const hb = await call(notify, signedNotify({ type: "heartbeat" }));
  expect(hb.status).toBe(200);
}

async function order(slug: string, channel = "wechat", cookie?: string) {
  return call(createOrder, readerRequest("POST", "/api/orders", { body: { slug, channel }, cookie }));
}

describe("the pay-to-unlock loop through the route handlers", () => {
  it("creates an order at the list price, settles it from a signed notification and entitles only that reader", async () => {
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await withPhoneOnline();

    const created = await order(article.slug);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ slug: article.slug, channel: "wechat", amountCents: 100, listPriceCents: 100, status: "pending" });
    expect(created.json.qr).toEqual({ payload: "wxp://f2f0testany", fixedAmount: false });
    expect(Date.parse(created.json.expiresAt) - Date.now()).toBeGreaterThan(110_000);
    const cookie = cookieFrom(created);
    const readerId = verifyReaderCookie(decodeURIComponent(cookie.split("=")[1]));
    expect(readerId).toBeTruthy();

    const paid = await call(notify, signedNotify(wechatReceipt(100)));
    expect(paid.json).toEqual({ result: "matched", orderId: created.json.id });

    const polled = await call(getOrder, makeRequest("GET", `/api/orders/${created.json.id}`), { id: created.json.id });
    expect(polled.json.status).toBe("paid");
    expect(await canRead(readerId, article)).toBe(true);
    expect(await canRead("someone-else-entirely", article)).toBe(false);
  });

  it("gives a second reader a different amount while the first order is open", async () => {
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await withPhoneOnline();
    const a = await order(article.slug);
    const b = await order(article.slug);
    expect(a.json.amountCents).toBe(100);
    expect(b.json.amountCents).toBe(99);
  });

  it("returns the reader's open order instead of taking a second amount", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await withPhoneOnline();
    const a = await order(article.slug);
    const again = await order(article.slug, "wechat", cookieFrom(a));
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(a.json.id);
  });

  it("answers a repeated delivery of the same notification with duplicate and settles nothing twice", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await withPhoneOnline();
    await order(article.slug);
    const id = "msg_same_delivery";
    expect((await call(notify, signedNotify(wechatReceipt(100), { id }))).json.result).toBe("matched");
    expect((await call(notify, signedNotify(wechatReceipt(100), { id }))).json.result).toBe("duplicate");
    expect(await db().payment.count()).toBe(1);
  });

  it("rejects a notification signed with the wrong secret and records it", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await withPhoneOnline();
    const o = await order(article.slug);
    const forged = await call(
      notify,
      signedNotify(wechatReceipt(100), { secret: "whsec_" + Buffer.from("not the secret").toString("base64") }),
    );
    expect(forged.status).toBe(401);
    expect(forged.json.error.code).toBe("unauthorized");
    const polled = await call(getOrder, makeRequest("GET", `/api/orders/${o.json.id}`), { id: o.json.id });
    expect(polled.json.status).toBe("pending");
    expect(await db().notification.count({ where: { verifyResult: "bad_signature" } })).toBe(1);
  });

  it("cancels an order for its own reader only", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await withPhoneOnline();
    const o = await order(article.slug);
    const stranger = await call(deleteOrder, readerRequest("DELETE", `/api/orders/${o.json.id}`), { id: o.json.id });
    expect(stranger.status).toBe(404);
    const own = await call(deleteOrder, readerRequest("DELETE", `/api/orders/${o.json.id}`, { cookie: cookieFrom(o) }), { id: o.json.id });
    expect(own.json.status).toBe("cancelled");
  });

  it("answers bad input with a 4xx and the JSON error shape", async () => {
    expect((await order("no-such-post")).status).toBe(404);
    const badChannel = await order("whatever", "paypal");
    expect(badChannel.status).toBe(400);
    expect(badChannel.json.error.code).toBe("invalid_input");
    const badJson = await call(createOrder, readerRequest("POST", "/api/orders", { rawBody: "{nope" }));
    expect(badJson.status).toBe(400);
    expect(badJson.json.error.code).toBe("invalid_json");
    const missing = await call(getOrder, makeRequest("GET", "/api/orders/x"), { id: "x" });
    expect(missing.status).toBe(404);
  });

  it("refuses new orders with 503 notifier_offline when a configured phone has not been heard from", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    process.env.NOTIFY_SECRET = TEST_SECRET;
    const res = await order(article.slug);
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("notifier_offline");
  });

  it("answers 409 already_unlocked for a reader who already paid", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await withPhoneOnline();
    const o = await order(article.slug);
    await call(notify, signedNotify(wechatReceipt(100)));
    const again = await order(article.slug, "wechat", cookieFrom(o));
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("already_unlocked");
  });

  it("in demo mode signs a notification that pays the reader's order through /api/notify", async () => {
    const article = await makeArticle({ demo: true });
    await makeQr("alipay", null, { demo: true });
    const o = await order(article.slug, "alipay");
    expect(o.status).toBe(201);
    const signed = await call(demoPay, readerRequest("POST", "/api/demo/pay", { body: { orderId: o.json.id }, cookie: cookieFrom(o) }));
    expect(signed.status).toBe(200);
    const res = await call(notify, makeRequest("POST", signed.json.url, { rawBody: signed.json.body, headers: signed.json.headers }));
    expect(res.json).toEqual({ result: "matched", orderId: o.json.id });
  });

  it("turns the demo off once a real notifier is configured", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await withPhoneOnline();
    const o = await order(article.slug);
    const signed = await call(demoPay, readerRequest("POST", "/api/demo/pay", { body: { orderId: o.json.id }, cookie: cookieFrom(o) }));
    expect(signed.status).toBe(403);
  });

  it("lists published articles without their gated body", async () => {
    const article = await makeArticle({ priceCents: 300 });
    await makeArticle({ published: false });
    const res = await call(listArticles, makeRequest("GET", "/api/articles"));
    expect(res.json).toHaveLength(1);
    expect(res.json[0]).toMatchObject({ slug: article.slug, priceCents: 300 });
    expect(res.text).not.toContain("SECRET-BODY");
  });
});
