import { db } from "@/lib/db/client";
import { withTx } from "@/lib/db/tx";

export async function listPurchases(readerId: string) {
  return db().entitlement.findMany({
    where: { readerId },
    select: { createdAt: true, article: { select: { slug: true, title: true, priceCents: true } }, order: { select: { amountCents: true } } },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * Restoring on a new device: the device takes the restored reader id, and
 * anything it had bought under its own id moves along so nothing is lost.
 */
export async function mergeReaders(fromReaderId: string | null, intoReaderId: string): Promise<void> {
  if (!fromReaderId || fromReaderId === intoReaderId) return;
  await withTx(async (tx) => {
    const mine = await tx.entitlement.findMany({ where: { readerId: fromReaderId }, select: { id: true, articleId: true } });
    const theirs = new Set((await tx.entitlement.findMany({ where: { readerId: intoReaderId }, select: { articleId: true } })).map((e) => e.articleId));
    for (const e of mine) {
      if (!theirs.has(e.articleId)) await tx.entitlement.update({ where: { id: e.id }, data: { readerId: intoReaderId } });
    }
  });
}
