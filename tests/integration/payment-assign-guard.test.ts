import { describe, expect, it } from "vitest";
import { POST as assign } from "@/app/api/admin/payments/[id]/assign/route";
import { db } from "@/lib/db/client";
import { makeArticle, makeQr } from "../support/db";
import { call } from "../support/http";
import { alipayReceipt, wechatReceipt } from "../support/notify";
import { admin, order, pay, phoneOnline } from "../support/matching";

async function setup(receipt: Record<string, unknown>) {
  const article = await makeArticle({ priceCents: 100 });
  await makeQr("wechat");
  await phoneOnline();
  const o = await order(article.slug, { channel: "wechat" });
  expect((await pay(receipt)).json.result).toBe("unmatched");
  const paymentId = (await db().payment.findFirstOrThrow({ where: { status: "unmatched" } })).id;
  const send = (body: Record<string, unknown>) =>
    call(assign, admin("POST", `/api/admin/payments/${paymentId}/assign`, { orderId: o.json.id, ...body }), { id: paymentId });
  const state = async () => ({
    payment: (await db().payment.findUniqueOrThrow({ where: { id: paymentId } })).status,
    order: (await db().order.findUniqueOrThrow({ where: { id: o.json.id } })).status,
  });
  return { send, state };
}

describe("assigning a payment that does not fit the order", () => {
  it("refuses 409 payment_mismatch for a payment on the other channel, changes nothing, and assigns with force: true", async () => {
    const { send, state } = await setup(alipayReceipt(100));
    const res = await send({});
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("payment_mismatch");
    expect(res.json.error.message).toMatch(/支付宝.*微信/);
    expect(await state()).toEqual({ payment: "unmatched", order: "pending" });
    expect((await send({ force: true })).status).toBe(200);
    expect(await state()).toEqual({ payment: "assigned", order: "paid" });
  });

  it("refuses 409 payment_mismatch for a payment below the order's amount, and assigns with force: true", async () => {
    const { send, state } = await setup(wechatReceipt(42));
    const res = await send({});
    expect(res.status).toBe(409);
    expect(res.json.error.message).toContain("¥0.42");
    expect(res.json.error.message).toContain("¥1.00");
    expect(await state()).toEqual({ payment: "unmatched", order: "pending" });
    expect((await send({ force: true })).status).toBe(200);
  });

  it("assigns a same-channel payment at or above the order's amount without force", async () => {
    const { send, state } = await setup(wechatReceipt(150));
    expect((await send({})).status).toBe(200);
    expect(await state()).toEqual({ payment: "assigned", order: "paid" });
  });
});
