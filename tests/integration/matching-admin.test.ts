import { describe, expect, it } from "vitest";
import { GET as listPayments } from "@/app/api/admin/payments/route";
import { POST as assign } from "@/app/api/admin/payments/[id]/assign/route";
import { POST as refund } from "@/app/api/admin/payments/[id]/refund/route";
import { GET as listOrders } from "@/app/api/admin/orders/route";
import { GET as capacity } from "@/app/api/admin/capacity/route";
import { DELETE as deleteOrder } from "@/app/api/orders/[id]/route";
import { canRead } from "@/lib/entitlements/check";
import { db } from "@/lib/db/client";
import { makeArticle, makeQr } from "../support/db";
import { call, cookieFrom, makeRequest, readerRequest } from "../support/http";
import { wechatReceipt } from "../support/notify";
import { admin, age, order, pay, phoneOnline } from "../support/matching";

async function strayPayment(amountCents: number) {
  const res = await pay(wechatReceipt(amountCents));
  expect(res.json.result).toBe("unmatched");
  return (await db().payment.findFirstOrThrow({ where: { amountCents, status: "unmatched" } })).id;
}

describe("the owner's payment inbox", () => {
  it("refuses the endpoints without the admin token or session", async () => {
    process.env.ADMIN_PASSWORD = "a long enough password";
    process.env.ADMIN_TOKEN = "test-admin-token-0123456789";
    for (const [handler, path] of [
      [listPayments, "/api/admin/payments"],
      [listOrders, "/api/admin/orders"],
      [capacity, "/api/admin/capacity"],
    ] as const) {
      const res = await call(handler, makeRequest("GET", path, { headers: { authorization: "Bearer wrong" } }));
      expect(res.status).toBe(401);
    }
  });

  it("assigns an unmatched payment to an expired order: the order is paid (late) and its reader unlocked", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await phoneOnline();
    const o = await order(article.slug);
    await age(o.json.id, 120 + 700);
    const paymentId = await strayPayment(100);
    const res = await call(assign, admin("POST", `/api/admin/payments/${paymentId}/assign`, { orderId: o.json.id }), { id: paymentId });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ paymentId, orderId: o.json.id });
    const row = await db().order.findUniqueOrThrow({ where: { id: o.json.id } });
    expect(row).toMatchObject({ status: "paid", late: true });
    expect(await canRead(row.readerId, article)).toBe(true);
    expect((await db().payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("assigned");

    const again = await call(assign, admin("POST", `/api/admin/payments/${paymentId}/assign`, { orderId: o.json.id }), { id: paymentId });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("payment_already_resolved");
  });

  it("refuses to assign a payment to an order that is already paid, and to unknown ids", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await phoneOnline();
    const o = await order(article.slug);
    await pay(wechatReceipt(100));
    const stray = await strayPayment(42);
    const paid = await call(assign, admin("POST", `/api/admin/payments/${stray}/assign`, { orderId: o.json.id }), { id: stray });
    expect(paid.status).toBe(409);
    expect(paid.json.error.code).toBe("order_not_open");
    expect((await db().payment.findUniqueOrThrow({ where: { id: stray } })).status).toBe("unmatched");
    const noOrder = await call(assign, admin("POST", `/api/admin/payments/${stray}/assign`, { orderId: "nope-nope-nope" }), { id: stray });
    expect(noOrder.status).toBe(404);
    const noPayment = await call(assign, admin("POST", "/api/admin/payments/nope/assign", { orderId: o.json.id }), { id: "nope" });
    expect(noPayment.json.error.code).toBe("payment_not_found");
    const bad = await call(assign, admin("POST", `/api/admin/payments/${stray}/assign`, {}), { id: stray });
    expect(bad.status).toBe(400);
  });

  it("marks an unmatched payment refunded once, with a note, and keeps it listed", async () => {
    await phoneOnline();
    const id = await strayPayment(7);
    const res = await call(refund, admin("POST", `/api/admin/payments/${id}/refund`, { note: "已微信退回" }), { id });
    expect(res.json).toEqual({ paymentId: id, status: "refunded" });
    const twice = await call(refund, admin("POST", `/api/admin/payments/${id}/refund`, {}), { id });
    expect(twice.status).toBe(409);
    const list = await call(listPayments, admin("GET", "/api/admin/payments?status=refunded"));
    expect(list.json.items).toMatchObject([{ id, status: "refunded", note: "已微信退回", amountCents: 7 }]);
    expect((await call(listPayments, admin("GET", "/api/admin/payments?status=unmatched"))).json.items).toEqual([]);
    expect((await call(listPayments, admin("GET", "/api/admin/payments?status=bogus"))).status).toBe(400);
  });

  it("resolves a payment once when assign and refund race", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await phoneOnline();
    const o = await order(article.slug);
    await age(o.json.id, 2000);
    const id = await strayPayment(100);
    const [a, r] = await Promise.all([
      call(assign, admin("POST", `/api/admin/payments/${id}/assign`, { orderId: o.json.id }), { id }),
      call(refund, admin("POST", `/api/admin/payments/${id}/refund`, {}), { id }),
    ]);
    expect([a.status, r.status].sort()).toEqual([200, 409]);
    const p = await db().payment.findUniqueOrThrow({ where: { id } });
    expect(p.status).toBe(a.status === 200 ? "assigned" : "refunded");
  });
});

describe("the owner's order list and capacity", () => {
  it("filters orders by the status the server's clock gives them", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await phoneOnline();
    process.env.ORDER_RATE_PER_IP = "100";
    const [p, e, c, paid] = await Promise.all([1, 2, 3, 4].map(() => order(article.slug)));
    await age(e.json.id, 121);
    await call(deleteOrder, readerRequest("DELETE", `/api/orders/${c.json.id}`, { cookie: cookieFrom(c) }), { id: c.json.id });
    await pay(wechatReceipt(paid.json.amountCents));
    const ids = async (s: string) =>
      (await call(listOrders, admin("GET", `/api/admin/orders?status=${s}`))).json.items.map((o: { id: string }) => o.id);
    expect(await ids("pending")).toEqual([p.json.id]);
    expect(await ids("expired")).toEqual([e.json.id]);
    expect(await ids("cancelled")).toEqual([c.json.id]);
    expect(await ids("paid")).toEqual([paid.json.id]);
    const all = (await call(listOrders, admin("GET", "/api/admin/orders"))).json.items;
    expect(all).toHaveLength(4);
    expect(all.find((o: { id: string }) => o.id === paid.json.id)).toMatchObject({ status: "paid", holdsSlot: true, slug: article.slug });
  });

  it("reports per price and channel how many readers can pay at once, and how many amounts are held", async () => {
    await makeArticle({ priceCents: 100 });
    await makeArticle({ priceCents: 100 });
    const dear = await makeArticle({ priceCents: 500 });
    await makeArticle({ priceCents: 300, published: false });
    await makeQr("wechat");
    await makeQr("alipay", 500);
    await makeQr("alipay", 499);
    await makeQr("alipay", 100);
    await phoneOnline();
    await order(dear.slug, { channel: "alipay" });
    const res = await call(capacity, admin("GET", "/api/admin/capacity"));
    expect(res.status).toBe(200);
    expect(res.json.items).toEqual([
      {
        priceCents: 100,
        channel: "wechat",
        minCents: 90,
        maxCents: 100,
        capacity: 11,
        fixedAmount: 0,
        typed: 11,
        heldNow: 0,
        byAccount: expect.any(Array),
        articles: 2,
        others: 0,
      },
      {
        priceCents: 100,
        channel: "alipay",
        minCents: 90,
        maxCents: 100,
        capacity: 1,
        fixedAmount: 1,
        typed: 0,
        heldNow: 0,
        byAccount: expect.any(Array),
        articles: 2,
        others: 0,
      },
      {
        priceCents: 500,
        channel: "wechat",
        minCents: 450,
        maxCents: 500,
        capacity: 51,
        fixedAmount: 0,
        typed: 51,
        heldNow: 0,
        byAccount: expect.any(Array),
        articles: 1,
        others: 0,
      },
      {
        priceCents: 500,
        channel: "alipay",
        minCents: 450,
        maxCents: 500,
        capacity: 2,
        fixedAmount: 2,
        typed: 0,
        heldNow: 1,
        byAccount: expect.any(Array),
        articles: 1,
        others: 0,
      },
    ]);
    expect(res.json.policy).toMatchObject({ direction: "down", maxDiscountPercent: 10, maxMarkupPercent: 10 });
    expect(res.json.timing).toEqual({ ttlSeconds: 120, graceSeconds: 600, echoSeconds: 15 });
  });
});
