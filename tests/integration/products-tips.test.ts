import { beforeEach, describe, expect, it } from "vitest";
import { POST as notify } from "@/app/(phone)/api/notify/route";
import { canRead } from "@/lib/entitlements/check";
import { dashboard } from "@/lib/admin/dashboard";
import { db } from "@/lib/db/client";
import { makeArticle } from "../support/db";
import { call } from "../support/http";
import { signedNotify, wechatReceipt } from "../support/notify";
import { buy, orderFor, shopOpen } from "../support/products";

beforeEach(shopOpen);

describe("tips (赞赏)", () => {
  it("takes a tip on a free post, unlocks nothing, and counts apart from sales", async () => {
    const free = await makeArticle({ priceCents: 0 });
    const paid = await makeArticle({ priceCents: 100 });
    const o = await orderFor({ tip: true, slug: free.slug, amountCents: 500 });
    expect(o.status).toBe(201);
    expect(o.json).toMatchObject({ kind: "tip", slug: free.slug, listPriceCents: 500, amountCents: 500 });
    const { readerId } = await buy({ tip: true, slug: paid.slug, amountCents: 300 });
    expect(await canRead(readerId, paid)).toBe(false);
    await buy({ slug: paid.slug });

    const d = await dashboard();
    expect(d.revenue.todayCents).toBe(100); // the sale only
    expect(d.byKind.find((k) => k.kind === "tip")).toEqual({ kind: "tip", cents: 300, orders: 1 });
    expect(d.byKind.find((k) => k.kind === "article")).toEqual({ kind: "article", cents: 100, orders: 1 });
    expect(d.topArticles).toEqual([expect.objectContaining({ slug: paid.slug, cents: 100, orders: 1 })]);
    expect(d.funnel.paid).toBe(1);
  });

  it("accepts several tips by one reader on one post, one after another", async () => {
    const post = await makeArticle({ priceCents: 0 });
    const first = await buy({ tip: true, slug: post.slug, amountCents: 200 });
    const second = await buy({ tip: true, slug: post.slug, amountCents: 200 }, first.cookie);
    expect(second.orderId).not.toBe(first.orderId);
    expect(await db().order.count({ where: { kind: "tip", status: "paid" } })).toBe(2);
  });

  it("replaces an unpaid tip when the reader picks another amount", async () => {
    const post = await makeArticle({ priceCents: 0 });
    const a = await orderFor({ tip: true, slug: post.slug, amountCents: 200 });
    const cookie = a.headers.get("set-cookie")!.split(";")[0];
    const same = await orderFor({ tip: true, slug: post.slug, amountCents: 200 }, cookie);
    expect(same.status).toBe(200);
    expect(same.json.id).toBe(a.json.id);
    const b = await orderFor({ tip: true, slug: post.slug, amountCents: 1000 }, cookie);
    expect(b.status).toBe(201);
    expect((await db().order.findUniqueOrThrow({ where: { id: a.json.id } })).status).toBe("cancelled");
    // The old order keeps its amount for the late-grace window: a payment for it still counts.
    expect((await call(notify, signedNotify(wechatReceipt(200)))).json).toMatchObject({ result: "late_matched", orderId: a.json.id });
  });

  it("keeps tips within the owner's limits, with a message that names them", async () => {
    const post = await makeArticle({ priceCents: 0 });
    const low = await orderFor({ tip: true, slug: post.slug, amountCents: 50 });
    expect(low.status).toBe(400);
    expect(low.json.error.message).toBe("赞赏金额需在 ¥1.00 到 ¥200.00 之间。");
    expect((await orderFor({ tip: true, slug: post.slug, amountCents: 20001 })).status).toBe(400);
    process.env.TIP_MAX_CENTS = "50000";
    expect((await orderFor({ tip: true, slug: post.slug, amountCents: 20001 })).status).toBe(201);
    expect((await orderFor({ tip: true, slug: post.slug })).status).toBe(400);
    expect((await orderFor({ tip: true, slug: post.slug, amountCents: 500, coupon: "X" })).json.error.message).toContain("优惠码");
  });
});
