import { db, type Db, type Tx } from "@/lib/db/client";
import type { OrderTarget } from "@/lib/targets";

/**
 * The one place that decides what a reader may read or still needs to buy.
 * Every entitlement check (the article page, order creation, feeds, restore)
 * goes through here, so a new way to own something (series, passes) is added
 * once. Reads only.
 */

/** May this reader read the whole of this article? Free articles: everyone. */
export async function canRead(readerId: string | null, article: { id: string; priceCents: number }): Promise<boolean> {
  if (article.priceCents <= 0) return true;
  if (!readerId) return false;
  return ownsTarget(db(), readerId, { kind: "article", articleId: article.id });
}

/** Which of these articles the reader may read in full (free ones included): one query, for lists and feeds. */
export async function readableArticleIds(readerId: string, articles: { id: string; priceCents: number }[]): Promise<Set<string>> {
  const paid = articles.filter((a) => a.priceCents > 0).map((a) => a.id);
  const owned = paid.length
    ? await db().entitlement.findMany({ where: { readerId, articleId: { in: paid } }, select: { articleId: true } })
    : [];
  return new Set([...articles.filter((a) => a.priceCents <= 0).map((a) => a.id), ...owned.map((r) => r.articleId)]);
}

/**
 * Does the reader already own what this order would sell? Order creation asks it
 * before and again inside the claim transaction (a late payment may settle between).
 */
export async function ownsTarget(client: Tx | Db, readerId: string, target: OrderTarget): Promise<boolean> {
  switch (target.kind) {
    case "article": {
      const row = await client.entitlement.findUnique({
        where: { readerId_articleId: { readerId, articleId: target.articleId } },
        select: { id: true },
      });
      return row !== null;
    }
  }
}
