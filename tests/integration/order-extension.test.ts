import { describe, expect, it } from "vitest";
import { GET as getOrder, DELETE as cancelOrder } from "@/app/api/orders/[id]/route";
import { POST as extend } from "@/app/api/orders/[id]/extend/route";
import { db } from "@/lib/db/client";
import { makeArticle, makeQr } from "../support/db";
import { call, cookieFrom, makeRequest, readerRequest } from "../support/http";
import { wechatReceipt } from "../support/notify";
import { age, expectNoSharedSlots, order, pay, phoneOnline } from "../support/matching";

const json = { "content-type": "application/json", "sec-fetch-site": "same-origin" };
const extendAs = (id: string, cookie?: string, headers: Record<string, string> = json) =>
  call(extend, makeRequest("POST", `/api/orders/${id}/extend`, { cookie, headers, rawBody: "{}" }), { id });
const statusOf = async (id: string) => (await call(getOrder, makeRequest("GET", `/api/orders/${id}`), { id })).json;

async function setup() {
  const article = await makeArticle({ priceCents: 100 });
  await makeQr("wechat");
  await phoneOnline();
  const first = await order(article.slug);
  expect(first.status).toBe(201);
  return { article, id: first.json.id as string, amountCents: first.json.amountCents as number, cookie: cookieFrom(first) };
}

describe("the one extension of an order that ran out while the reader was away", () => {
  it("makes an expired order pending again with a fresh countdown; its payment then settles on time", async () => {
    const { id, amountCents, cookie } = await setup();
    await age(id, 300); // away for five minutes
    expect(await statusOf(id)).toMatchObject({ status: "expired", extendable: true });

    const res = await extendAs(id, cookie);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id, status: "pending", amountCents, extendable: false });
    const left = Date.parse(res.json.expiresAt) - Date.parse(res.json.serverTime);
    expect(left).toBeGreaterThan(115_000);
    expect(left).toBeLessThanOrEqual(120_000);

    expect((await pay(wechatReceipt(amountCents))).json).toEqual({ result: "matched", orderId: id });
    expect(await db().order.findUniqueOrThrow({ where: { id }, select: { late: true, status: true } })).toEqual({
      late: false,
      status: "paid",
    });
  });

  it("keeps the amount reserved past the original grace window: a reader ordering then gets another amount", async () => {
    const { article, id, amountCents, cookie } = await setup();
    await age(id, 200);
    expect((await extendAs(id, cookie)).status).toBe(200);
    await age(id, 600); // the original hold (created + 120 s + 600 s) would be over by now
    const other = await order(article.slug, { ip: "203.0.113.50" });
    expect(other.json.amountCents).not.toBe(amountCents);
    await expectNoSharedSlots();
  });

  it("allows it once only", async () => {
    const { id, cookie } = await setup();
    await age(id, 130);
    expect((await extendAs(id, cookie)).status).toBe(200);
    await age(id, 130);
    const again = await extendAs(id, cookie);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain("只能延长一次");
  });

  it("refuses a running, cancelled or paid order, and one whose grace window is over", async () => {
    const running = await setup();
    expect((await extendAs(running.id, running.cookie)).json.error.message).toContain("还没有过期");

    await call(cancelOrder, readerRequest("DELETE", `/api/orders/${running.id}`, { cookie: running.cookie }), { id: running.id });
    await age(running.id, 130);
    expect((await extendAs(running.id, running.cookie)).json.error.message).toContain("已取消");

    const second = await order(running.article.slug, { cookie: running.cookie });
    await pay(wechatReceipt(second.json.amountCents));
    await age(second.json.id, 130);
    expect((await extendAs(second.json.id, running.cookie)).status).toBe(409);

    const third = await order(running.article.slug, { ip: "203.0.113.9" });
    await age(third.json.id, 120 + 601);
    const res = await extendAs(third.json.id, cookieFrom(third));
    expect(res.status).toBe(409);
    expect(res.json.error.message).toContain("已释放");
  });

  it("answers 404 to another reader, 403 cross-site and 415 without JSON", async () => {
    const { article, id, cookie } = await setup();
    await age(id, 130);
    const stranger = await order(article.slug, { ip: "203.0.113.7" });
    expect((await extendAs(id, cookieFrom(stranger))).status).toBe(404);
    expect((await extendAs(id, undefined)).status).toBe(404);
    expect((await extendAs(id, cookie, { "content-type": "application/json", "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await extendAs(id, cookie, { "content-type": "text/plain", "sec-fetch-site": "same-origin" })).status).toBe(415);
    expect((await statusOf(id)).status).toBe("expired");
  });

  it("refuses when the reader has already started a new order for the post", async () => {
    const { article, id, cookie } = await setup();
    await age(id, 130);
    const fresh = await order(article.slug, { cookie });
    expect(fresh.status).toBe(201);
    const res = await extendAs(id, cookie);
    expect(res.status).toBe(409);
    expect(res.json.error.message).toContain("新的二维码");
  });
});
