import { describe, expect, it } from "vitest";
import { orderBodySchema, orderTargetSchema } from "@/lib/orders/request";

const parse = (b: unknown) => orderBodySchema.safeParse(b);

describe("POST /api/orders body (pure)", () => {
  it("keeps {slug, channel} meaning a post, and reads the other kinds", () => {
    expect(parse({ slug: "a", channel: "wechat" }).data).toEqual({ kind: "article", slug: "a", channel: "wechat" });
    expect(parse({ seriesSlug: "s", channel: "alipay", coupon: "X1Y" }).data).toEqual({
      kind: "series",
      seriesSlug: "s",
      channel: "alipay",
      coupon: "X1Y",
    });
    expect(parse({ passId: "p1", channel: "wechat" }).data).toEqual({ kind: "pass", passId: "p1", channel: "wechat" });
    expect(parse({ tip: true, slug: "a", amountCents: 500, channel: "wechat" }).data).toEqual({
      kind: "tip",
      slug: "a",
      amountCents: 500,
      channel: "wechat",
    });
  });

  it("asks for exactly one thing to buy", () => {
    for (const b of [
      { channel: "wechat" },
      { slug: "a", passId: "p", channel: "wechat" },
      { seriesSlug: "s", passId: "p", channel: "wechat" },
    ]) {
      const r = parse(b);
      expect(r.success).toBe(false);
      expect(r.error!.issues[0].message).toContain("slug（文章）、seriesSlug（专栏）或 passId（全站通）之一");
    }
  });

  it("needs a post and an amount for a tip, in whole cents, and no coupon", () => {
    expect(parse({ tip: true, slug: "a", channel: "wechat" }).success).toBe(false);
    expect(parse({ tip: true, slug: "a", amountCents: 1.5, channel: "wechat" }).success).toBe(false);
    expect(parse({ tip: true, slug: "a", amountCents: 500, coupon: "X", channel: "wechat" }).error!.issues[0].message).toBe(
      "赞赏不能使用优惠码",
    );
  });

  it("still needs a valid channel for an order, but not for a coupon check", () => {
    expect(parse({ slug: "a", channel: "paypal" }).success).toBe(false);
    expect(orderTargetSchema.parse({ passId: "p", coupon: "SPRING" })).toEqual({ kind: "pass", passId: "p", coupon: "SPRING" });
  });
});
