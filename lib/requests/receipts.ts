import { db } from "@/lib/db/client";
import { maskPayee } from "@/lib/accounts/payee";
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
  const [series, passes] = await Promise.all([
    db().series.findMany({
      where: { id: { in: rows.flatMap((r) => (r.seriesId ? [r.seriesId] : [])) } },
      select: { id: true, title: true },
    }),
    db().pass.findMany({ where: { id: { in: rows.flatMap((r) => (r.passId ? [r.passId] : [])) } }, select: { id: true, name: true } }),
  ]);
  return rows.map((r) => ({
    orderId: r.id,
    kind: r.kind as OrderKind,
    item: itemName(r, series, passes),
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

function itemName(
  r: { kind: string; seriesId: string | null; passId: string | null; article: { title: string } | null },
  series: { id: string; title: string }[],
  passes: { id: string; name: string }[],
): string {
  if (r.kind === "series") return `专栏《${series.find((s) => s.id === r.seriesId)?.title ?? "已删除"}》`;
  if (r.kind === "pass") return `全站通「${passes.find((p) => p.id === r.passId)?.name ?? "已下架"}」`;
  const title = r.article ? `《${r.article.title}》` : "已删除的文章";
  return r.kind === "tip" ? `赞赏${title}` : title;
}
