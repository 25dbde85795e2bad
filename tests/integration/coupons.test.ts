import { beforeEach, describe, expect, it } from "vitest";
import { POST as check } from "@/app/api/coupons/check/route";
import { GET as listCoupons, POST } from "@/app/api/admin/coupons/route";
import { DELETE as deleteCoupon, PATCH as patchCoupon } from "@/app/api/admin/coupons/[code]/route";
import { canRead } from "@/lib/entitlements/check";
import { dashboard } from "@/lib/admin/dashboard";
import { db } from "@/lib/db/client";
import { makeArticle, makeQr } from "../support/db";
import { call, cookieFrom, readerRequest } from "../support/http";
import { age } from "../support/matching";
import { adminCall, buy, newCoupon, newSeries, orderFor, shopOpen } from "../support/products";

beforeEach(shopOpen);

describe("coupons", () => {
  it("allocates the unique amount from the discounted price, and revenue is what was paid", async () => {
    const a = await makeArticle({ priceCents: 1000 });
    await newCoupon({ code: "spring20", percentOff: 20 });
    const first = await orderFor({ slug: a.slug, coupon: "SPRING20" });
    expect(first.json).toMatchObject({ listPriceCents: 1000, discountCents: 200, amountCents: 800 });
    const second = await orderFor({ slug: a.slug, coupon: " spring20 " });
    expect(second.json.amountCents).toBe(799);
    const { readerId } = await buy({ slug: a.slug, coupon: "spring20" });
    expect(await canRead(readerId, a)).toBe(true);
    expect((await dashboard()).revenue.todayCents).toBe(798);
  });

  it("never goes below the owner's floor, neither the price nor the amount allocated from it", async () => {
    const a = await makeArticle({ priceCents: 100 });
    await newCoupon({ code: "BIG", amountOffCents: 500 });
    const first = await orderFor({ slug: a.slug, coupon: "BIG" });
    expect(first.json).toMatchObject({ amountCents: 10, discountCents: 90 });
    const second = await orderFor({ slug: a.slug, coupon: "BIG" });
    expect(second.status).toBe(503);
    expect(second.json.error.code).toBe("busy");
    process.env.MIN_PRICE_CENTS = "50";
    expect((await orderFor({ slug: a.slug, coupon: "BIG" })).json.amountCents).toBe(50);
  });

  it("applies a per-target coupon only to its target, and never to tips", async () => {
    const [a, b] = [await makeArticle(), await makeArticle()];
    await newSeries("s1", [a.slug], 500);
    await newCoupon({ code: "SERIES1", percentOff: 50, target: { seriesSlug: "s1" } });
    expect((await orderFor({ seriesSlug: "s1", coupon: "SERIES1" })).json.amountCents).toBe(250);
    const wrong = await orderFor({ slug: b.slug, coupon: "SERIES1" });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toEqual({ code: "coupon_invalid", message: "优惠码「SERIES1」不适用于这件商品。" });
    await newCoupon({ code: "ALL", percentOff: 10 });
    expect((await orderFor({ tip: true, slug: b.slug, amountCents: 500, coupon: "ALL" })).status).toBe(400);
  });

  it("refuses a coupon over its cap, across readers, and gives the use back when an unpaid order can no longer be paid", async () => {
    const a = await makeArticle({ priceCents: 500 });
    await newCoupon({ code: "ONCE", amountOffCents: 100, maxUses: 1 });
    const first = await orderFor({ slug: a.slug, coupon: "ONCE" });
    expect(first.status).toBe(201);
    // Another reader, who never used it, is told what an unknown code gets.
    const refused = await orderFor({ slug: a.slug, coupon: "ONCE" });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toEqual({ code: "coupon_invalid", message: "优惠码「ONCE」不存在或已停用。" });
    // TTL + late grace later the first order cannot be paid any more: its use comes back.
    await age(first.json.id, 120 + 600 + 1);
    const paid = await buy({ slug: a.slug, coupon: "ONCE" });
    await age(paid.orderId, 3600);
    expect((await orderFor({ slug: a.slug, coupon: "ONCE" })).json.error.code).toBe("coupon_invalid");
    const listed = await adminCall(listCoupons, "GET", "/api/admin/coupons");
    expect(listed.json.items[0]).toMatchObject({ code: "ONCE", used: 1, reserved: 0, maxUses: 1, appliesTo: "全站" });
  });

  it("does not count a reader's own unpaid order against them when they switch channel", async () => {
    await makeQr("alipay");
    const a = await makeArticle({ priceCents: 500 });
    await newCoupon({ code: "ONCE", percentOff: 10, maxUses: 1 });
    const wechat = await orderFor({ slug: a.slug, coupon: "ONCE" });
    const alipay = await orderFor({ slug: a.slug, coupon: "ONCE", channel: "alipay" }, cookieFrom(wechat));
    expect(alipay.status).toBe(201);
  });

  it("holds the cap when many readers order at the same moment", async () => {
    const a = await makeArticle({ priceCents: 500 });
    await newCoupon({ code: "TWO", percentOff: 10, maxUses: 2 });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => orderFor({ slug: a.slug, coupon: "TWO" }, undefined, `10.9.0.${i}`)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 400, 400, 400, 400]);
    expect(await db().order.count({ where: { couponId: { not: null } } })).toBe(2);
  });

  it("refuses expired, withdrawn and unknown coupons with a message that says which", async () => {
    const a = await makeArticle();
    await newCoupon({ code: "OLD", percentOff: 10, expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await db().coupon.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await orderFor({ slug: a.slug, coupon: "OLD" })).json.error.message).toBe("优惠码「OLD」已过期。");
    await newCoupon({ code: "OFF", percentOff: 10 });
    await adminCall(patchCoupon, "PATCH", "/api/admin/coupons/OFF", { active: false }, { code: "OFF" });
    expect((await orderFor({ slug: a.slug, coupon: "OFF" })).json.error.message).toBe("优惠码「OFF」不存在或已停用。");
    expect((await orderFor({ slug: a.slug, coupon: "NOPE" })).status).toBe(400);
  });

  it("quotes the price before ordering", async () => {
    const a = await makeArticle({ priceCents: 990 });
    await newCoupon({ code: "TWO-OFF", amountOffCents: 200 });
    const res = await call(check, readerRequest("POST", "/api/coupons/check", { body: { slug: a.slug, coupon: "two-off" } }));
    expect(res.json).toEqual({ code: "TWO-OFF", listPriceCents: 990, priceCents: 790, discountCents: 200 });
    const none = await call(check, readerRequest("POST", "/api/coupons/check", { body: { slug: a.slug } }));
    expect(none.status).toBe(400);
  });

  it("validates the owner's input and keeps a used coupon from being deleted", async () => {
    for (const body of [
      { code: "A1B", percentOff: 100 },
      { code: "A1C", percentOff: 10, amountOffCents: 10 },
      { code: "x", percentOff: 10 },
      { code: "A1D" },
    ]) {
      expect((await adminCall(POST, "POST", "/api/admin/coupons", body)).status, JSON.stringify(body)).toBe(400);
    }
    await newCoupon({ code: "DUP", percentOff: 5 });
    expect((await adminCall(POST, "POST", "/api/admin/coupons", { code: "dup", percentOff: 5 })).status).toBe(409);
    const a = await makeArticle();
    await buy({ slug: a.slug, coupon: "DUP" });
    expect((await adminCall(deleteCoupon, "DELETE", "/api/admin/coupons/DUP", undefined, { code: "DUP" })).status).toBe(409);
    await newCoupon({ code: "UNUSED", percentOff: 5 });
    expect((await adminCall(deleteCoupon, "DELETE", "/api/admin/coupons/unused", undefined, { code: "unused" })).status).toBe(200);
  });
});
