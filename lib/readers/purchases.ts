import { db } from "@/lib/db/client";

export async function listPurchases(readerId: string) {
  return db().entitlement.findMany({
    where: { readerId },
    select: {
      createdAt: true,
      article: { select: { slug: true, title: true, priceCents: true } },
      order: { select: { amountCents: true } },
    },
    orderBy: { createdAt: "desc" },
  });
}
