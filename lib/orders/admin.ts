import { db } from "@/lib/db/client";
import { effectiveStatus, openOrderWhere, overdueOrderWhere, type OrderStatus } from "@/lib/orders/status";
import { holdsSlot } from "@/lib/orders/rules";
import { ORDER_KIND_LABEL, type OrderKind } from "@/lib/targets";
import { namesOf, type Named } from "@/lib/orders/names";

/**
 * The owner's order list (GET /api/admin/orders?status=…). Status filters use
 * the server's clock: a pending row past its deadline is listed as expired,
 * whether or not a sweep has written that yet.
 */
export { ORDER_STATUSES } from "@/lib/orders/status";

export interface AdminOrderView {
  id: string;
  kind: OrderKind;
  /** The post bought or tipped, for kinds "article" and "tip" (null once the post is gone, or for other kinds). */
  slug: string | null;
  /** What was sold, as the owner reads it: the post's title, 专栏「…」, 全站通「…」, 赞赏「…」. */
  title: string;
  /** The coupon's discount (0 without one): amountCents was allocated from listPriceCents minus this. */
  discountCents: number;
  readerId: string;
  channel: string;
  listPriceCents: number;
  amountCents: number;
  /** null: a stored status this build does not know. */
  status: OrderStatus | null;
  late: boolean;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  cancelledAt: string | null;
  paymentId: string | null;
  /** True while the order still holds its amount (pending, grace or echo window). */
  holdsSlot: boolean;
  slotHeldUntil: string | null;
}

function statusWhere(status: OrderStatus | undefined, now: Date) {
  switch (status) {
    case undefined:
      return {};
    case "pending":
      return openOrderWhere(now);
    case "expired":
      return { OR: [{ status: "expired" }, overdueOrderWhere(now)] };
    default:
      return { status };
  }
}

export async function listOrders(q: { status?: OrderStatus; limit?: number; before?: Date }, now = new Date()): Promise<AdminOrderView[]> {
  const rows = await db().order.findMany({
    where: { ...statusWhere(q.status, now), ...(q.before ? { createdAt: { lt: q.before } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(q.limit ?? 100, 500),
    include: { article: { select: { slug: true, title: true } }, payment: { select: { id: true } } },
  });
  const names = await namesOf(rows);
  return rows.map((o) => {
    const holding = holdsSlot(o, now);
    return {
      id: o.id,
      kind: o.kind as OrderKind,
      slug: o.article?.slug ?? null,
      title: titleOf(o, names),
      discountCents: o.discountCents ?? 0,
      readerId: o.readerId,
      channel: o.channel,
      listPriceCents: o.listPriceCents,
      amountCents: o.amountCents,
      status: effectiveStatus(o, now),
      late: o.late,
      createdAt: o.createdAt.toISOString(),
      expiresAt: o.expiresAt.toISOString(),
      paidAt: o.paidAt?.toISOString() ?? null,
      cancelledAt: o.cancelledAt?.toISOString() ?? null,
      paymentId: o.payment?.id ?? null,
      holdsSlot: holding,
      slotHeldUntil: holding ? o.slotHeldUntil.toISOString() : null,
    };
  });
}

function titleOf(o: Named, names: Map<string, string>): string {
  const kind = ORDER_KIND_LABEL[o.kind as OrderKind] ?? o.kind;
  switch (o.kind) {
    case "article":
      return o.article?.title ?? kind;
    case "tip":
      return `${kind}「${o.article?.title ?? "?"}」`;
    case "series":
      return `${kind}「${names.get(o.seriesId ?? "") ?? "已删除"}」`;
    case "pass":
      return `${kind}「${names.get(o.passId ?? "") ?? "已删除"}」`;
    default:
      return kind;
  }
}
