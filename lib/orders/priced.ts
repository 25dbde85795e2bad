import { AppError } from "@/lib/errors";
import type { OrderTarget } from "@/lib/targets";
import { requirePublishedArticle } from "@/lib/articles/queries";
import { requirePublishedSeries } from "@/lib/series/queries";
import { requirePassOnSale } from "@/lib/passes/queries";
import { checkTipAmount } from "@/lib/orders/tips";
import type { OrderRequest } from "@/lib/orders/request";

export interface PricedTarget {
  target: OrderTarget;
  /** The catalogue price (a tip: the amount the reader chose), before any coupon. */
  listPriceCents: number;
  /** The post the order is about (posts and tips): funnel events. */
  articleId: string | null;
  /** A seeded demo post (posts only): the one thing demo mode may sell, for 模拟付款. */
  demo: boolean;
}

/** Looks up what a request names and its price; 404/409/400 when it cannot be bought. */
export async function priceRequest(req: OrderRequest): Promise<PricedTarget> {
  switch (req.kind) {
    case "article": {
      const a = await requirePublishedArticle(req.slug);
      if (a.priceCents <= 0) throw new AppError("conflict", "这篇文章免费，无需付款。");
      return { target: { kind: "article", articleId: a.id }, listPriceCents: a.priceCents, articleId: a.id, demo: a.demo };
    }
    case "series": {
      const s = await requirePublishedSeries(req.seriesSlug);
      return { target: { kind: "series", seriesId: s.id }, listPriceCents: s.priceCents, articleId: null, demo: false };
    }
    case "pass": {
      const p = await requirePassOnSale(req.passId);
      return { target: { kind: "pass", passId: p.id }, listPriceCents: p.priceCents, articleId: null, demo: false };
    }
    case "tip": {
      const a = await requirePublishedArticle(req.slug);
      checkTipAmount(req.amountCents);
      return { target: { kind: "tip", articleId: a.id }, listPriceCents: req.amountCents, articleId: a.id, demo: false };
    }
  }
}
