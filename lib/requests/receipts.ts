import { db } from "@/lib/db/client";
import { maskPayee } from "@/lib/accounts/payee";
import { namesOf, purchaseName } from "@/lib/orders/names";
import type { OrderKind } from "@/lib/targets";
import { REQUEST_KIND, REQUEST_STATUS, type RequestKind, type RequestStatus } from "@/lib/requests/vocab";

/** A purchase as 我的购买 shows it: the receipt, and the reader's requests about it with the owner's answers. */
export interface Receipt {
  orderId: string;
  kind: OrderKind;
  /** 《标题》, 专栏《标题》, 全站通「名称」, 赞赏《标题》 */
  item: string;
  slug: string | null;
  amountCents: number;
  paidAt: string;
  /** The payee the wallet showed, masked (「**明」); null when the owner set none. */
  payee: string | null;
  refunded: boolean;
  requests: {
    id: string;
    kind: RequestKind | null;
    status: RequestStatus | null;
    message: string;
    reply: string | null;
    createdAt: string;
    dueAt: string;
  }[];
}

/** The reader's paid orders, newest first (gateway orders belong to other sites and are not the reader's). */
export async function listReceipts(readerId: string, limit = 100): Promise<Receipt[]> {
  const rows = await db().order.findMany({
    where: { readerId, status: "paid", kind: { not: "merchant" } },
    orderBy: { paidAt: "desc" },
    take: limit,
    select: {
      id: true,
      kind: true,
      amountCents: true,
      paidAt: true,
      payeeName: true,
      seriesId: true,
      passId: true,
      article: { select: { slug: true, title: true } },
      payment: { select: { status: true } },
      requests: { orderBy: { createdAt: "desc" }, take: 5 },
    },
  });
  const names = await namesOf(rows);
  return rows.map((r) => ({
    orderId: r.id,
    kind: r.kind as OrderKind,
    item: purchaseName(r, names),
    slug: r.article?.slug ?? null,
    amountCents: r.amountCents,
    paidAt: (r.paidAt ?? new Date(0)).toISOString(),
    payee: maskPayee(r.payeeName),
    refunded: r.payment?.status === "refunded",
    requests: r.requests.map((q) => ({
      id: q.id,
      kind: REQUEST_KIND.parse(q.kind),
      status: REQUEST_STATUS.parse(q.status),
      message: q.message,
      reply: q.reply,
      createdAt: q.createdAt.toISOString(),
      dueAt: q.dueAt.toISOString(),
    })),
  }));
}
