/**
 * A desk instead of a complaint (lib/requests): a receipt per purchase in 我的购买, 申请退款 / 有问题
 * reaching the owner with the promised response time, and the owner's answer — 已退款 revokes the
 * purchase and is never revenue, 已解决 comes with a reply the reader reads.
 */
import { describe, expect, it } from "vitest";
import { POST as request } from "@/app/api/me/requests/route";
import { GET as listRequests } from "@/app/api/admin/requests/route";
import { PATCH as resolve } from "@/app/api/admin/requests/[id]/route";
import { db } from "@/lib/db/client";
import { accountStates } from "@/lib/accounts/store";
import { canRead } from "@/lib/entitlements/check";
import { listReceipts } from "@/lib/requests/receipts";
import { dashboard } from "@/lib/admin/dashboard";
import { readerFromCookieValue } from "@/lib/readers/links";
import { makeArticle, makeQr } from "../support/db";
import { wechatReceipt } from "../support/notify";
import { order, pay, phoneOnline } from "../support/matching";
import { call, cookieFrom, readerRequest } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";

const ask = (cookie: string, body: unknown) => call(request, readerRequest("POST", "/api/me/requests", { body, cookie }));
const answer = async (id: string, body: unknown) =>
  call(resolve, await adminRequest("token", "PATCH", `/api/admin/requests/${id}`, { body }), { id });

/** A reader who bought a ¥1.00 post from an account whose wallet shows 「张小明」. */
async function purchase() {
  const article = await makeArticle({ priceCents: 100, title: "好文章" });
  await makeQr("wechat");
  await phoneOnline();
  await accountStates();
  await db().account.update({ where: { id: "acct_wechat" }, data: { payeeName: "张小明" } });
  const o = await order(article.slug, { ip: "203.0.113.1" });
  expect(o.json.payee).toBe("张小明");
  const cookie = cookieFrom(o);
  expect((await pay(wechatReceipt(o.json.amountCents))).json.result).toBe("matched");
  const readerId = (await readerFromCookieValue(decodeURIComponent(cookie.split("=")[1])))!;
  return { article, orderId: o.json.id as string, cookie, readerId };
}

describe("我的购买: receipts and requests", () => {
  it("shows a receipt with the order number, amount, time and the payee masked", async () => {
    const { orderId, readerId } = await purchase();
    const [r] = await listReceipts(readerId);
    expect(r).toMatchObject({ orderId, item: "《好文章》", amountCents: 100, payee: "**明", refunded: false, requests: [] });
    expect(Date.now() - new Date(r.paidAt).getTime()).toBeLessThan(60_000);
  });

  it("sends a request to the owner with the promised response time, one open request per purchase", async () => {
    enableAdmin();
    const { orderId, cookie } = await purchase();
    await db().alert.create({ data: { id: "al_r", kind: "webhook", name: "h", config: "{}", events: '["reader.request"]' } });
    const made = await ask(cookie, { orderId, kind: "problem", message: "正文有一段显示不全", contact: "reader@example.com" });
    expect(made.status).toBe(201);
    expect(made.json.responseHours).toBe(48);
    expect(new Date(made.json.dueAt).getTime() - Date.now()).toBeGreaterThan(47.9 * 3600_000);
    const [job] = await db().job.findMany({ where: { ref: "reader.request" } });
    expect(JSON.parse(job.payload).data).toMatchObject({ orderId, kindLabel: "有问题", item: "《好文章》", contact: "reader@example.com" });
    expect((await ask(cookie, { orderId, kind: "refund", message: "再问一次" })).status).toBe(409);
    const listed = await call(listRequests, await adminRequest("token", "GET", "/api/admin/requests?status=open"));
    expect(listed.json.items).toHaveLength(1);
    expect(listed.json.items[0]).toMatchObject({ orderId, message: "正文有一段显示不全", payee: "**明" });
  });

  it("refuses a stranger, an unpaid order and empty or oversized text", async () => {
    const { orderId, cookie, article } = await purchase();
    const other = await order(article.slug, { ip: "203.0.113.2" });
    expect((await ask(cookieFrom(other), { orderId, kind: "refund", message: "我的" })).status).toBe(404);
    expect((await ask("", { orderId, kind: "refund", message: "我的" })).status).toBe(404);
    expect((await ask(cookieFrom(other), { orderId: other.json.id, kind: "refund", message: "没付" })).status).toBe(409);
    expect((await ask(cookie, { orderId, kind: "refund", message: " " })).status).toBe(400);
    expect((await ask(cookie, { orderId, kind: "refund", message: "x".repeat(501) })).status).toBe(400);
    expect((await ask(cookie, { orderId, kind: "gift", message: "x" })).status).toBe(400);
  });

  it("已退款 revokes the purchase, marks the payment refunded and takes it out of the revenue", async () => {
    enableAdmin();
    const { orderId, cookie, readerId, article } = await purchase();
    expect((await dashboard()).revenue.todayCents).toBe(100);
    const made = await ask(cookie, { orderId, kind: "refund", message: "买错了" });
    const done = await answer(made.json.id, { resolution: "refunded", reply: "已原路退回" });
    expect(done.status).toBe(200);
    expect(await canRead(readerId, article)).toBe(false);
    expect((await db().payment.findFirstOrThrow({ where: { orderId } })).status).toBe("refunded");
    expect((await dashboard()).revenue.todayCents).toBe(0);
    const [r] = await listReceipts(readerId);
    expect(r).toMatchObject({ refunded: true, requests: [{ status: "refunded", reply: "已原路退回" }] });
    expect((await answer(made.json.id, { resolution: "resolved", reply: "again" })).status).toBe(409);
  });

  it("已解决 needs a reply, which the reader reads in 我的购买; the purchase stays theirs", async () => {
    enableAdmin();
    const { orderId, cookie, readerId, article } = await purchase();
    const made = await ask(cookie, { orderId, kind: "problem", message: "图片打不开" });
    expect((await answer(made.json.id, { resolution: "resolved" })).status).toBe(400);
    expect((await answer(made.json.id, { resolution: "resolved", reply: "图片已修复，请刷新" })).status).toBe(200);
    const [r] = await listReceipts(readerId);
    expect(r.requests[0]).toMatchObject({ status: "resolved", reply: "图片已修复，请刷新" });
    expect(await canRead(readerId, article)).toBe(true);
    // The request is closed: the reader may ask again about the same purchase.
    expect((await ask(cookie, { orderId, kind: "problem", message: "又打不开了" })).status).toBe(201);
  });
});
