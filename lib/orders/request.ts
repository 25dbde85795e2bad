import { z } from "zod";
import { channelSchema } from "@/lib/channel-schema";

/**
 * The body of POST /api/orders: what to buy, on which channel, with an optional
 * coupon. Client-safe (the pay dialog builds it; the route parses it):
 *   { slug, channel }                          a post
 *   { seriesSlug, channel }                    a series (专栏)
 *   { passId, channel }                        a site pass (全站通)
 *   { tip: true, slug, amountCents, channel }  a tip (赞赏) for a post
 * plus `coupon` for the first three.
 */
export type OrderRequest = (
  | { kind: "article"; slug: string }
  | { kind: "series"; seriesSlug: string }
  | { kind: "pass"; passId: string }
  | { kind: "tip"; slug: string; amountCents: number }
) & { coupon?: string };

/** What the browser sends (the wire form of OrderRequest). */
export type OrderBody =
  | { slug: string; coupon?: string }
  | { seriesSlug: string; coupon?: string }
  | { passId: string; coupon?: string }
  | { tip: true; slug: string; amountCents: number };

const text = (what: string, max = 100) =>
  z
    .string({ error: `${what}必须是文字` })
    .trim()
    .min(1, `缺少${what}`)
    .max(max, `${what}过长`)
    .optional();

const fields = /* @__PURE__ */ z.object({
  slug: text("文章 slug"),
  seriesSlug: text("专栏 slug"),
  passId: text("全站通 passId", 64),
  tip: z.boolean({ error: "tip 必须是 true 或 false" }).optional(),
  amountCents: z.number({ error: "amountCents 必须是整数（单位：分）" }).int("amountCents 必须是整数（单位：分）").optional(),
  coupon: z.string({ error: "优惠码必须是文字" }).trim().max(40, "优惠码过长").optional(),
});

function toRequest(b: z.infer<typeof fields>, ctx: z.RefinementCtx): OrderRequest {
  const coupon = b.coupon ? { coupon: b.coupon } : {};
  if (b.tip) {
    if (!b.slug || b.amountCents === undefined) {
      ctx.addIssue({ code: "custom", message: "赞赏需要 slug（文章）和 amountCents（金额，单位：分）" });
      return z.NEVER;
    }
    if (b.coupon) {
      ctx.addIssue({ code: "custom", message: "赞赏不能使用优惠码" });
      return z.NEVER;
    }
    return { kind: "tip", slug: b.slug, amountCents: b.amountCents };
  }
  const named = [b.slug, b.seriesSlug, b.passId].filter(Boolean).length;
  if (named !== 1) {
    ctx.addIssue({ code: "custom", message: "请指定要购买的内容：slug（文章）、seriesSlug（专栏）或 passId（全站通）之一" });
    return z.NEVER;
  }
  if (b.seriesSlug) return { kind: "series", seriesSlug: b.seriesSlug, ...coupon };
  if (b.passId) return { kind: "pass", passId: b.passId, ...coupon };
  return { kind: "article", slug: b.slug!, ...coupon };
}

/** What to buy, without the channel (the coupon check). */
export const orderTargetSchema = /* @__PURE__ */ fields.transform(toRequest);

/** The whole body of POST /api/orders. */
export const orderBodySchema = /* @__PURE__ */ fields
  .extend({ channel: channelSchema })
  .transform((b, ctx) => ({ ...toRequest(b, ctx), channel: b.channel }));
