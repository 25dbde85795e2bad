import { db, type Tx } from "@/lib/db/client";
import { withTx } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";
import { namesOf, purchaseName } from "@/lib/orders/names";
import { maskPayee } from "@/lib/accounts/payee";
import { REQUEST_KIND, REQUEST_STATUS, type RequestStatus, type Resolution } from "@/lib/requests/vocab";
import { revokeGrants } from "@/lib/entitlements/grant";

/**
 * The owner's side of readers' requests (GET /api/admin/requests, PATCH /api/admin/requests/{id}).
 * 已退款: the owner returned the money (outside the site — a personal code cannot refund); the
 * purchase is revoked and its payment marked refunded, which the dashboard never counts as revenue.
 * 已解决: with a reply the reader reads in 我的购买. Both are compare-and-set on the open request,
 * so two tabs cannot resolve one twice.
 */
export async function listRequests(q: { status?: RequestStatus; limit?: number } = {}) {
  const rows = await db().readerRequest.findMany({
    where: q.status ? { status: q.status } : {},
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: Math.min(q.limit ?? 100, 500),
    include: {
      order: {
        select: {
          amountCents: true,
          channel: true,
          paidAt: true,
          payeeName: true,
          accountId: true,
          kind: true,
          seriesId: true,
          passId: true,
          article: { select: { title: true } },
        },
      },
    },
  });
  const names = await namesOf(rows.map((r) => r.order));
  return rows.map((r) => ({
    id: r.id,
    orderId: r.orderId,
    kind: REQUEST_KIND.parse(r.kind),
    status: REQUEST_STATUS.parse(r.status),
    message: r.message,
    contact: r.contact,
    reply: r.reply,
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    resolvedAt: r.resolvedAt,
    amountCents: r.order.amountCents,
    channel: r.order.channel,
    paidAt: r.order.paidAt,
    payee: maskPayee(r.order.payeeName),
    item: purchaseName(r.order, names),
  }));
}

export type RequestListItem = Awaited<ReturnType<typeof listRequests>>[number];

export async function resolveRequest(id: string, input: { resolution: Resolution; reply?: string | null }, now = new Date()) {
  const reply = input.reply?.trim() || null;
  if (input.resolution === "resolved" && !reply) throw new AppError("invalid_input", "标记「已解决」时请写一句给读者的答复。");
  await withTx(async (tx) => {
    const r = await tx.readerRequest.findUnique({ where: { id }, select: { orderId: true, status: true } });
    if (!r) throw new AppError("not_found", "找不到这个请求，请刷新页面。");
    const done = await tx.readerRequest.updateMany({
      where: { id, status: "open" },
      data: { status: input.resolution, reply, resolvedAt: now, openKey: null },
    });
    if (done.count !== 1) throw new AppError("conflict", "这个请求已经处理过了。");
    if (input.resolution === "refunded") await refundOrder(tx, r.orderId, now);
  });
  return { id, status: input.resolution, reply };
}

/** Revokes what the order granted and marks its payment refunded (never revenue again). */
async function refundOrder(tx: Tx, orderId: string, now: Date): Promise<void> {
  // Only grants made by this order: a post the reader also owns through another order stays theirs.
  await revokeGrants(tx, { orderId });
  await tx.payment.updateMany({
    where: { orderId, status: { in: ["matched", "late_matched", "assigned"] } },
    data: { status: "refunded", resolvedAt: now, note: "读者申请退款，站长已退款" },
  });
}
