import { db, type Tx } from "@/lib/db/client";
import { withTx } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { assignInTx } from "@/lib/payments/admin";
import { CLAIM_STATUS, type ClaimStatus } from "@/lib/claims/vocab";
import { ORDER_STATUS, type OrderStatus } from "@/lib/orders/status";

/**
 * The owner's side of 我已付款 reports, shown in the payments inbox beside the
 * unmatched payments that could be the reader's (same channel and amount).
 * Accepting goes through the inbox's own assign step, so the reader's order is
 * settled and the reader unlocked exactly as if the payment had been assigned
 * by hand; claim, payment and order change in one transaction.
 */
const CANDIDATES = 5;

export interface AdminClaimView {
  id: string;
  /** null: a stored status this build does not know. */
  status: ClaimStatus | null;
  slug: string;
  title: string;
  readerId: string;
  channel: string;
  amountCents: number;
  paidAt: string;
  note: string | null;
  createdAt: string;
  resolvedAt: string | null;
  ownerNote: string | null;
  paymentId: string | null;
  /** The order as stored (not by the clock: an expired order may still say pending). */
  order: { id: string; status: OrderStatus | null; amountCents: number; channel: string } | null;
  /** The reader can already read the post (e.g. the payment was matched after all). */
  readerUnlocked: boolean;
  /** Unmatched payments on the same channel for the same amount, closest in time first. */
  candidates: { id: string; receivedAt: string; amountCents: number; channel: string }[];
}

export async function listClaims(q: { status?: ClaimStatus; limit?: number; before?: Date }): Promise<AdminClaimView[]> {
  const rows = await db().paymentClaim.findMany({
    where: { ...(q.status ? { status: q.status } : {}), ...(q.before ? { createdAt: { lt: q.before } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(q.limit ?? 100, 500),
    include: {
      article: { select: { slug: true, title: true } },
      order: { select: { id: true, status: true, amountCents: true, channel: true } },
    },
  });
  const unlocked = await db().entitlement.findMany({
    where: { OR: rows.map((r) => ({ readerId: r.readerId, articleId: r.articleId })) },
    select: { readerId: true, articleId: true },
  });
  return Promise.all(
    rows.map(async (c) => ({
      id: c.id,
      status: CLAIM_STATUS.parse(c.status),
      slug: c.article.slug,
      title: c.article.title,
      readerId: c.readerId,
      channel: c.channel,
      amountCents: c.amountCents,
      paidAt: c.paidAt.toISOString(),
      note: c.note,
      createdAt: c.createdAt.toISOString(),
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
      ownerNote: c.ownerNote,
      paymentId: c.paymentId,
      order: c.order && { ...c.order, status: ORDER_STATUS.parse(c.order.status) },
      readerUnlocked: unlocked.some((u) => u.readerId === c.readerId && u.articleId === c.articleId),
      candidates: c.status === "pending" ? await candidates(c.channel, c.amountCents, c.paidAt) : [],
    })),
  );
}

async function candidates(channel: string, amountCents: number, paidAt: Date) {
  const rows = await db().payment.findMany({
    where: { status: "unmatched", channel, amountCents },
    select: { id: true, receivedAt: true, amountCents: true, channel: true },
    orderBy: { receivedAt: "desc" },
    take: 50,
  });
  const distance = (d: Date) => Math.abs(d.getTime() - paidAt.getTime());
  return rows
    .sort((a, b) => distance(a.receivedAt) - distance(b.receivedAt))
    .slice(0, CANDIDATES)
    .map((p) => ({ ...p, receivedAt: p.receivedAt.toISOString() }));
}

/**
 * Accepts a report: with `paymentId`, that unmatched payment is assigned to the
 * reader's order; without, the owner confirms from their own WeChat/Alipay bill
 * that the money arrived (the phone never forwarded it), and a payment is
 * recorded by hand for the reported amount. A reader with no order left (e.g.
 * reported from 我的购买 long after) gets one made for the assignment.
 */
export async function acceptClaim(id: string, opts: { paymentId?: string; force?: boolean; now?: Date } = {}) {
  const now = opts.now ?? new Date();
  await withTx(async (tx) => {
    const claim = await claimForUpdate(tx, id);
    // First write: a second owner accepting at the same moment waits on this row, then finds it decided.
    const taken = await tx.paymentClaim.updateMany({
      where: { id, status: "pending" },
      data: { status: "accepted", resolvedAt: now, pendingKey: null },
    });
    if (taken.count !== 1) throw alreadyResolved();
    const owned = await tx.entitlement.findUnique({
      where: { readerId_articleId: { readerId: claim.readerId, articleId: claim.articleId } },
      select: { id: true },
    });
    if (owned) throw new AppError("conflict", "这位读者已经解锁了这篇文章（付款可能已自动匹配），请「驳回」关闭这条报告。");
    const paymentId = opts.paymentId ?? (await recordByHand(tx, claim, now));
    const amountCents = opts.paymentId
      ? (await tx.payment.findUnique({ where: { id: opts.paymentId }, select: { amountCents: true } }))?.amountCents
      : claim.amountCents;
    if (amountCents === undefined) throw new AppError("payment_not_found", "付款记录不存在。");
    const orderId = await orderFor(tx, claim, amountCents, now);
    await assignInTx(tx, paymentId, orderId, { force: opts.force, now });
    await tx.paymentClaim.update({ where: { id }, data: { paymentId } });
  });
  return { id, status: "accepted" as const };
}

export async function rejectClaim(id: string, note: string | undefined, now = new Date()) {
  await withTx(async (tx) => {
    await claimForUpdate(tx, id);
    const done = await tx.paymentClaim.updateMany({
      where: { id, status: "pending" },
      data: { status: "rejected", resolvedAt: now, ownerNote: note || null, pendingKey: null },
    });
    if (done.count !== 1) throw alreadyResolved();
  });
  return { id, status: "rejected" as const };
}

const alreadyResolved = () => new AppError("conflict", "这条付款报告已经处理过了。");

async function claimForUpdate(tx: Tx, id: string) {
  const claim = await tx.paymentClaim.findUnique({
    where: { id },
    select: { id: true, status: true, readerId: true, articleId: true, orderId: true, channel: true, amountCents: true },
  });
  if (!claim) throw new AppError("not_found", "找不到这条付款报告。");
  if (claim.status !== "pending") throw alreadyResolved();
  return claim;
}

type Claim = Awaited<ReturnType<typeof claimForUpdate>>;

/** A payment the owner confirms from their own bill; left unmatched for the assign step to resolve. */
async function recordByHand(tx: Tx, claim: Claim, now: Date): Promise<string> {
  const { channel, amountCents } = claim;
  const note = "读者报告付款，站长核对账单后确认收到";
  const payment = await tx.payment.create({
    data: { id: newId(), channel, amountCents, dedupeKey: `claim:${claim.id}`, receivedAt: now, status: "unmatched", note },
    select: { id: true },
  });
  return payment.id;
}

/** The reader's reported order if it can still be settled, else a new (already closed) order for this assignment. */
async function orderFor(tx: Tx, claim: Claim, amountCents: number, now: Date): Promise<string> {
  if (claim.orderId) {
    const o = await tx.order.findUnique({ where: { id: claim.orderId }, select: { status: true } });
    if (o && o.status !== "paid") return claim.orderId;
  }
  const article = await tx.article.findUniqueOrThrow({ where: { id: claim.articleId }, select: { priceCents: true } });
  const id = newId();
  await tx.order.create({
    data: {
      id,
      articleId: claim.articleId,
      readerId: claim.readerId,
      channel: claim.channel,
      listPriceCents: article.priceCents,
      amountCents,
      status: "expired",
      createdAt: now,
      expiresAt: now,
      // Holds no amount: it exists only to carry this assignment.
      slotHeldUntil: now,
    },
  });
  return id;
}
