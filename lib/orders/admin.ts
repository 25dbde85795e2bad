import { db } from "@/lib/db/client";
import { effectiveStatus, openOrderWhere, overdueOrderWhere, type OrderStatus } from "@/lib/orders/status";
import { holdsSlot } from "@/lib/orders/rules";
import { ORDER_KIND_LABEL, type OrderKind } from "@/lib/targets";

/**
 * The owner's order list (GET /api/admin/orders?status=…). Status filters use
 * the server's clock: a pending row past its deadline is listed as expired,
 * whether or not a sweep has written that yet.
 */
export const ORDER_STATUSES = ["pending", "paid", "expired", "cancelled"] as const;

export interface AdminOrderView {
  id: string;
  kind: OrderKind;
  /** The post bought, for kind "article" (null once the post is gone, or for other kinds). */
  slug: string | null;
  /** What was sold, as the owner reads it. */
  title: string;
  readerId: string;
  channel: string;
  listPriceCents: number;
  amountCents: number;
  status: OrderStatus;
  late: boolean;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  cancelledAt: string | null;
  paymentId: string | null;
  /** True while the order still claims its amount (pending, grace or echo window). */
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
  return rows.map((o) => {
    const holding = holdsSlot(o, now);
    return {
      id: o.id,
      kind: o.kind as OrderKind,
      slug: o.article?.slug ?? null,
      title: o.article?.title ?? ORDER_KIND_LABEL[o.kind as OrderKind] ?? o.kind,
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
