import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import type { OrderTarget } from "@/lib/targets";

/**
 * What a paid order gives its reader, inside the settlement transaction.
 * Idempotent per reader and target: a reader who paid twice (a late payment
 * after re-buying) keeps one entitlement, linked to the first order.
 */
export async function grantForOrder(tx: Tx, order: { id: string; readerId: string; target: OrderTarget }, now: Date): Promise<void> {
  const { target, readerId } = order;
  switch (target.kind) {
    case "article": {
      const existing = await tx.entitlement.findUnique({
        where: { readerId_articleId: { readerId, articleId: target.articleId } },
        select: { id: true },
      });
      if (!existing)
        await tx.entitlement.create({ data: { id: newId(), readerId, articleId: target.articleId, orderId: order.id, createdAt: now } });
      return;
    }
  }
}
