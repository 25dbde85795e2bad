import { beforeEach, describe, expect, it } from "vitest";
import { POST as check } from "@/app/api/coupons/check/route";
import { GET as listCoupons } from "@/app/api/admin/coupons/route";
import { PATCH as patchCoupon } from "@/app/api/admin/coupons/[code]/route";
import { POST as assign } from "@/app/api/admin/payments/[id]/assign/route";
import { POST as notify } from "@/app/(phone)/api/notify/route";
import { db } from "@/lib/db/client";
import { makeArticle } from "../support/db";
import { call, cookieFrom, readerRequest } from "../support/http";
import { age } from "../support/matching";
import { signedNotify, wechatReceipt } from "../support/notify";
import { adminCall, buy, newCoupon, orderFor, shopOpen } from "../support/products";

beforeEach(shopOpen);

const checkAs = (body: Record<string, unknown>, opts: { cookie?: string; ip?: string } = {}) =>
  call(
    check,
    readerRequest("POST", "/api/coupons/check", { body, cookie: opts.cookie, headers: opts.ip ? { "x-paywall-peer": opts.ip } : {} }),
  );
const used = async (code: string) =>
  (await adminCall(listCoupons, "GET", "/api/admin/coupons")).json.items.find((c: { code: string }) => c.code === code).used as number;

describe("coupon caps (used never exceeds maxUses)", () => {
  it("counts the same reader's open order for another post: the second order answers 409 coupon_used_up while the first is open", async () => {
    const [a, b] = [await makeArticle({ priceCents: 500 }), await makeArticle({ priceCents: 500 })];
    await newCoupon({ code: "ONCE", percentOff: 10, maxUses: 1 });
    const first = await orderFor({ slug: a.slug, coupon: "ONCE" });
    expect(first.status).toBe(201);
    const cookie = cookieFrom(first);
    const second = await orderFor({ slug: b.slug, coupon: "ONCE" }, cookie);
    expect(second.status).toBe(409);
    expect(second.json.error).toEqual({ code: "coupon_used_up", message: "优惠码「ONCE」已被领完。" });
    expect((await checkAs({ slug: b.slug, coupon: "ONCE" }, { cookie })).json.error.code).toBe("coupon_used_up");
    // The first order's own item on the other channel still replaces it (that use is not counted twice).
    expect((await checkAs({ slug: a.slug, coupon: "ONCE" }, { cookie })).status).toBe(200);
    expect(await db().order.count({ where: { couponId: { not: null } } })).toBe(1);
  });

  it("answers a used-up coupon exactly like an unknown one to a reader who never used it", async () => {
    const a = await makeArticle({ priceCents: 500 });
    await newCoupon({ code: "GONE", percentOff: 10, maxUses: 1 });
    await buy({ slug: a.slug, coupon: "GONE" });
    const [usedUp, unknown] = [await checkAs({ slug: a.slug, coupon: "GONE" }), await checkAs({ slug: a.slug, coupon: "NOSUCH" })];
    expect(usedUp.status).toBe(unknown.status);
    expect(usedUp.json.error.code).toBe(unknown.json.error.code);
    expect(usedUp.json.error.message.replace("GONE", "X")).toBe(unknown.json.error.message.replace("NOSUCH", "X"));
    const order = await orderFor({ slug: a.slug, coupon: "GONE" });
    expect(order.status).toBe(unknown.status);
    expect(order.json.error.code).toBe("coupon_invalid");
  });

  it("re-checks the cap at settlement: a payment that would take it past maxUses waits in the inbox", async () => {
    const a = await makeArticle({ priceCents: 500 });
    await newCoupon({ code: "TWO", percentOff: 10, maxUses: 2 });
    const [x, y] = [await orderFor({ slug: a.slug, coupon: "TWO" }), await orderFor({ slug: a.slug, coupon: "TWO" })];
    expect([x.status, y.status]).toEqual([201, 201]);
    // The owner lowers the cap while both orders are open.
    await adminCall(patchCoupon, "PATCH", "/api/admin/coupons/TWO", { maxUses: 1 }, { code: "TWO" });
    expect((await call(notify, signedNotify(wechatReceipt(x.json.amountCents)))).json.result).toBe("matched");
    const second = await call(notify, signedNotify(wechatReceipt(y.json.amountCents)));
    expect(second.json.result).toBe("unmatched");
    expect(await used("TWO")).toBe(1);
    const inbox = await db().payment.findFirstOrThrow({ where: { status: "unmatched" } });
    expect(inbox.note).toContain("已达使用上限");
    expect((await db().order.findUniqueOrThrow({ where: { id: y.json.id } })).status).not.toBe("paid");
  });

  it("re-checks the cap when the owner assigns a payment to an order whose use ran out", async () => {
    const a = await makeArticle({ priceCents: 500 });
    await newCoupon({ code: "ONE", percentOff: 10, maxUses: 1 });
    const stale = await orderFor({ slug: a.slug, coupon: "ONE" });
    // Its use came back after TTL + grace; another reader takes it and pays.
    await age(stale.json.id, 120 + 600 + 1);
    await buy({ slug: a.slug, coupon: "ONE" });
    // The first reader's money turns up late in the inbox; the owner tries to assign it.
    const late = await call(notify, signedNotify(wechatReceipt(stale.json.amountCents)));
    expect(late.json.result).toBe("unmatched");
    const paymentId = (await db().payment.findFirstOrThrow({ where: { status: "unmatched" } })).id;
    const res = await adminCall(assign, "POST", `/api/admin/payments/${paymentId}/assign`, { orderId: stale.json.id }, { id: paymentId });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("coupon_used_up");
    expect(await used("ONE")).toBe(1);
    expect((await db().payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("unmatched");
  });
});

describe("coupon guessing is rate limited like redeem codes", () => {
  it("answers 429 after a few unknown codes per address, for checks and for coupon-bearing orders", async () => {
    const a = await makeArticle({ priceCents: 500 });
    await newCoupon({ code: "REAL", percentOff: 10 });
    for (let i = 0; i < 10; i++) expect((await checkAs({ slug: a.slug, coupon: `GUESS${i}` }, { ip: "10.7.0.1" })).status).toBe(400);
    const limited = await checkAs({ slug: a.slug, coupon: "REAL" }, { ip: "10.7.0.1" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();
    expect((await orderFor({ slug: a.slug, coupon: "REAL" }, undefined, "10.7.0.1")).status).toBe(429);
    // Another address is unaffected, and an order without a coupon from the limited one too.
    expect((await checkAs({ slug: a.slug, coupon: "REAL" }, { ip: "10.7.0.2" })).status).toBe(200);
    expect((await orderFor({ slug: a.slug }, undefined, "10.7.0.1")).status).toBe(201);
  });

  it("answers 429 after a few unknown codes per reader, whatever address they come from", async () => {
    const a = await makeArticle({ priceCents: 500 });
    const first = await orderFor({ slug: a.slug });
    const cookie = cookieFrom(first);
    for (let i = 0; i < 10; i++) {
      const res = await orderFor({ slug: a.slug, coupon: `GUESS${i}` }, cookie, `10.8.${i}.1`);
      expect(res.status).toBe(400);
    }
    expect((await checkAs({ slug: a.slug, coupon: "GUESS99" }, { cookie, ip: "10.8.99.1" })).status).toBe(429);
  });
});
