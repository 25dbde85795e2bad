import type { Db, Tx } from "@/lib/db/client";

/** What a paid order sold, for the owner's payment.matched alert: its kind and a name a person recognises. */
export interface SoldItem {
  kind: string;
  /** The post (posts and tips), for webhook consumers that link to it. */
  article: { slug: string; title: string } | null;
  /** 《标题》, 专栏《标题》, 全站通「名称」 or the merchant order's name. */
  item: string | null;
}

export async function soldItem(tx: Tx | Db, orderId: string): Promise<SoldItem> {
  const o = await tx.order.findUnique({
    where: { id: orderId },
    select: { kind: true, seriesId: true, passId: true, merchantOrderId: true, article: { select: { slug: true, title: true } } },
  });
  if (!o) return { kind: "article", article: null, item: null };
  const article = o.article ?? null;
  let item: string | null = article ? `《${article.title}》` : null;
  if (o.seriesId) {
    const s = await tx.series.findUnique({ where: { id: o.seriesId }, select: { title: true } });
    item = s ? `专栏《${s.title}》` : null;
  } else if (o.passId) {
    const p = await tx.pass.findUnique({ where: { id: o.passId }, select: { name: true } });
    item = p ? `全站通「${p.name}」` : null;
  } else if (o.merchantOrderId) {
    const m = await tx.merchantOrder.findUnique({
      where: { id: o.merchantOrderId },
      select: { name: true, merchant: { select: { name: true } } },
    });
    item = m ? `「${m.name}」（商户 ${m.merchant.name}）` : null;
  }
  return { kind: o.kind, article, item };
}
