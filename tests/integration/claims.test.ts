import { describe, expect, it } from "vitest";
import { POST as report } from "@/app/api/claims/route";
import { GET as readClaim } from "@/app/api/claims/[id]/route";
import { GET as listClaims } from "@/app/api/admin/claims/route";
import { POST as accept } from "@/app/api/admin/claims/[id]/accept/route";
import { POST as reject } from "@/app/api/admin/claims/[id]/reject/route";
import { db } from "@/lib/db/client";
import { canRead } from "@/lib/entitlements/check";
import { makeArticle, makeQr } from "../support/db";
import { call, cookieFrom, makeRequest } from "../support/http";
import { wechatReceipt } from "../support/notify";
import { admin, age, order, pay, phoneOnline } from "../support/matching";

const same = { "content-type": "application/json", "sec-fetch-site": "same-origin" };

function claim(body: Record<string, unknown>, opts: { cookie?: string; ip?: string; headers?: Record<string, string> } = {}) {
  return call(
    report,
    makeRequest("POST", "/api/claims", {
      body,
      cookie: opts.cookie,
      headers: { ...same, ...(opts.ip ? { "x-paywall-peer": opts.ip } : {}), ...(opts.headers ?? {}) },
    }),
  );
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** A reader whose order expired and whose payment (a wrong amount, typed on a universal code) landed unmatched. */
async function strandedReader() {
  const article = await makeArticle({ priceCents: 100 });
  await makeQr("wechat");
  await phoneOnline();
  const o = await order(article.slug);
  await age(o.json.id, 120 + 601);
  expect((await pay(wechatReceipt(150))).json).toEqual({ result: "unmatched" });
  const payment = await db().payment.findFirstOrThrow({ where: { amountCents: 150 } });
  return { article, orderId: o.json.id as string, cookie: cookieFrom(o), payment };
}

describe("我已付款 reports", () => {
  it("queues a reader.claim alert for the owner in the same transaction as the report", async () => {
    const { article, cookie } = await strandedReader();
    await db().alert.create({
      data: {
        id: "al1",
        kind: "webhook",
        name: "hook",
        config: JSON.stringify({ url: "http://127.0.0.1:9/x", secret: "s" }),
        events: JSON.stringify(["reader.claim"]),
      },
    });
    const res = await claim({ slug: article.slug, channel: "wechat", amountCents: 150, paidAt: minutesAgo(5), note: "小明" }, { cookie });
    expect(res.status).toBe(201);
    const jobs = await db().job.findMany({ where: { ref: "reader.claim" } });
    expect(jobs).toHaveLength(1);
    expect(JSON.parse(jobs[0].payload)).toMatchObject({
      type: "reader.claim",
      data: { claimId: res.json.id, amountCents: 150, message: "小明" },
    });
  });

  it("records a report that unlocks nothing, and the reader can read its status", async () => {
    const { article, orderId, cookie } = await strandedReader();
    const res = await claim(
      { slug: article.slug, channel: "wechat", amountCents: 150, paidAt: minutesAgo(12), note: "昵称 小明" },
      { cookie },
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ slug: article.slug, status: "pending", amountCents: 150 });
    const row = await db().paymentClaim.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(row.orderId).toBe(orderId);
    const readerId = (await db().order.findUniqueOrThrow({ where: { id: orderId } })).readerId;
    expect(await canRead(readerId, article)).toBe(false);

    const mine = await call(readClaim, makeRequest("GET", `/api/claims/${res.json.id}`, { cookie }), { id: res.json.id });
    expect(mine.json).toMatchObject({ id: res.json.id, status: "pending" });
    const other = await call(readClaim, makeRequest("GET", `/api/claims/${res.json.id}`), { id: res.json.id });
    expect(other.status).toBe(404);
  });

  it("keeps one open report per reader and post, and limits reports per reader and address", async () => {
    const a = await makeArticle();
    const b = await makeArticle();
    const first = await claim({ slug: a.slug, channel: "wechat", amountCents: 99, paidAt: minutesAgo(5) });
    const cookie = cookieFrom(first);
    const again = await claim({ slug: a.slug, channel: "wechat", amountCents: 98, paidAt: minutesAgo(5) }, { cookie });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain("已经报告过");

    // Per reader: 5 an hour (the refused one above counted too).
    for (let i = 0; i < 3; i++) await claim({ slug: b.slug, channel: "alipay", amountCents: 100 + i, paidAt: minutesAgo(1) }, { cookie });
    const limited = await claim({ slug: b.slug, channel: "alipay", amountCents: 200, paidAt: minutesAgo(1) }, { cookie });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();

    // Per address: 20 an hour, whatever the cookie.
    const codes = [];
    for (let i = 0; i < 20; i++)
      codes.push((await claim({ slug: b.slug, channel: "wechat", amountCents: 1, paidAt: minutesAgo(1) }, { ip: "198.51.100.4" })).status);
    expect(codes.filter((c) => c === 201)).toHaveLength(20);
    expect((await claim({ slug: b.slug, channel: "wechat", amountCents: 1, paidAt: minutesAgo(1) }, { ip: "198.51.100.4" })).status).toBe(
      429,
    );
  });

  it("refuses bad reports with a clear 4xx: free post, future time, no amount, cross-site, not JSON, already unlocked", async () => {
    const free = await makeArticle({ priceCents: 0 });
    const paid = await makeArticle();
    expect((await claim({ slug: free.slug, channel: "wechat", amountCents: 99, paidAt: minutesAgo(1) })).status).toBe(400);
    const future = await claim({
      slug: paid.slug,
      channel: "wechat",
      amountCents: 99,
      paidAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(future.status).toBe(400);
    expect(future.json.error.message).toContain("不能晚于现在");
    expect((await claim({ slug: paid.slug, channel: "wechat", paidAt: minutesAgo(1) })).json.error.message).toContain("金额");
    expect(
      (
        await claim(
          { slug: paid.slug, channel: "wechat", amountCents: 99, paidAt: minutesAgo(1) },
          { headers: { "sec-fetch-site": "cross-site" } },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await claim(
          { slug: paid.slug, channel: "wechat", amountCents: 99, paidAt: minutesAgo(1) },
          { headers: { "content-type": "text/plain" } },
        )
      ).status,
    ).toBe(415);
    expect(await db().paymentClaim.count()).toBe(0);
  });
});

describe("the owner's side of 我已付款", () => {
  it("lists a report beside the unmatched payment with the same channel and amount, and assigning it unlocks the reader", async () => {
    const { article, orderId, cookie, payment } = await strandedReader();
    await pay(wechatReceipt(151)); // another unmatched payment, other amount: not a candidate
    const made = await claim({ slug: article.slug, channel: "wechat", amountCents: 150, paidAt: minutesAgo(3) }, { cookie });
    const listed = await call(listClaims, admin("GET", "/api/admin/claims?status=pending"));
    expect(listed.json.items).toHaveLength(1);
    expect(listed.json.items[0]).toMatchObject({ id: made.json.id, title: article.title, readerUnlocked: false, order: { id: orderId } });
    expect(listed.json.items[0].candidates.map((c: { id: string }) => c.id)).toEqual([payment.id]);

    const res = await call(accept, admin("POST", `/api/admin/claims/${made.json.id}/accept`, { paymentId: payment.id }), {
      id: made.json.id,
    });
    expect(res.status).toBe(200);
    const o = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(o).toMatchObject({ status: "paid", late: true });
    expect(await canRead(o.readerId, article)).toBe(true);
    expect(await db().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "assigned", orderId });
    const mine = await call(readClaim, makeRequest("GET", `/api/claims/${made.json.id}`, { cookie }), { id: made.json.id });
    expect(mine.json.status).toBe("accepted");

    const twice = await call(accept, admin("POST", `/api/admin/claims/${made.json.id}/accept`, { paymentId: payment.id }), {
      id: made.json.id,
    });
    expect(twice.status).toBe(409);
  });

  it("accepts a report with no forwarded payment once the owner checked their bill: records the payment and unlocks", async () => {
    const article = await makeArticle({ priceCents: 300 });
    const made = await claim({ slug: article.slug, channel: "alipay", amountCents: 300, paidAt: minutesAgo(60) });
    const res = await call(accept, admin("POST", `/api/admin/claims/${made.json.id}/accept`, {}), { id: made.json.id });
    expect(res.status).toBe(200);
    const row = await db().paymentClaim.findUniqueOrThrow({ where: { id: made.json.id } });
    const payment = await db().payment.findUniqueOrThrow({ where: { id: row.paymentId! }, include: { order: true } });
    expect(payment).toMatchObject({ status: "assigned", channel: "alipay", amountCents: 300 });
    expect(payment.order).toMatchObject({ status: "paid", openSlot: null, amountCents: 300 });
    expect(await canRead(payment.order!.readerId, article)).toBe(true);
  });

  it("asks before assigning a smaller payment, and refuses to accept for a reader who is already unlocked", async () => {
    const { article, cookie, payment } = await strandedReader();
    const made = await claim({ slug: article.slug, channel: "wechat", amountCents: 150, paidAt: minutesAgo(3) }, { cookie });
    // The reader's order is for 100; a 50-cent payment cannot be it without the owner insisting.
    await pay(wechatReceipt(50));
    const small = await db().payment.findFirstOrThrow({ where: { amountCents: 50 } });
    const refused = await call(accept, admin("POST", `/api/admin/claims/${made.json.id}/accept`, { paymentId: small.id }), {
      id: made.json.id,
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("payment_mismatch");
    expect(await db().payment.findUniqueOrThrow({ where: { id: small.id } })).toMatchObject({ status: "unmatched" });

    expect(
      (await call(accept, admin("POST", `/api/admin/claims/${made.json.id}/accept`, { paymentId: payment.id }), { id: made.json.id }))
        .status,
    ).toBe(200);
    const b = await makeArticle();
    const second = await claim({ slug: b.slug, channel: "wechat", amountCents: 50, paidAt: minutesAgo(3) }, { cookie });
    const readerId = (await db().paymentClaim.findUniqueOrThrow({ where: { id: second.json.id } })).readerId;
    await db().entitlement.create({ data: { id: "ent-x", readerId, articleId: b.id } });
    const unlocked = await call(accept, admin("POST", `/api/admin/claims/${second.json.id}/accept`, {}), { id: second.json.id });
    expect(unlocked.status).toBe(409);
    expect(unlocked.json.error.message).toContain("驳回");
  });

  it("rejects with a note the reader sees, after which the reader may report again", async () => {
    const article = await makeArticle();
    const made = await claim({ slug: article.slug, channel: "wechat", amountCents: 99, paidAt: minutesAgo(3) });
    const cookie = cookieFrom(made);
    const res = await call(reject, admin("POST", `/api/admin/claims/${made.json.id}/reject`, { note: "账单里没有这笔" }), {
      id: made.json.id,
    });
    expect(res.status).toBe(200);
    const mine = await call(readClaim, makeRequest("GET", `/api/claims/${made.json.id}`, { cookie }), { id: made.json.id });
    expect(mine.json).toMatchObject({ status: "rejected", ownerNote: "账单里没有这笔" });
    expect((await claim({ slug: article.slug, channel: "wechat", amountCents: 98, paidAt: minutesAgo(2) }, { cookie })).status).toBe(201);
  });

  it("settles one report once when two owners accept it at the same time", async () => {
    const { article, cookie, payment } = await strandedReader();
    const made = await claim({ slug: article.slug, channel: "wechat", amountCents: 150, paidAt: minutesAgo(3) }, { cookie });
    const results = await Promise.all([
      call(accept, admin("POST", `/api/admin/claims/${made.json.id}/accept`, { paymentId: payment.id }), { id: made.json.id }),
      call(accept, admin("POST", `/api/admin/claims/${made.json.id}/accept`, {}), { id: made.json.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await db().payment.count({ where: { status: "assigned" } })).toBe(1);
    expect(await db().entitlement.count()).toBe(1);
  });
});
