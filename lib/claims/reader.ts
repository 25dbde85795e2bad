import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { CLAIM_STATUS, type ClaimStatus } from "@/lib/claims/vocab";

/** A reader's own view of their reports (我的购买, the post page): never another reader's. */
export interface ReaderClaim {
  id: string;
  slug: string;
  title: string;
  channel: string;
  amountCents: number;
  paidAt: string;
  /** null: a stored status this build does not know. */
  status: ClaimStatus | null;
  createdAt: string;
  ownerNote: string | null;
}

type ClaimRow = {
  id: string;
  channel: string;
  amountCents: number;
  paidAt: Date;
  status: string;
  createdAt: Date;
  ownerNote: string | null;
  article: { slug: string; title: string };
};

export function toReaderClaim(c: ClaimRow): ReaderClaim {
  return {
    id: c.id,
    slug: c.article.slug,
    title: c.article.title,
    channel: c.channel,
    amountCents: c.amountCents,
    paidAt: c.paidAt.toISOString(),
    status: CLAIM_STATUS.parse(c.status),
    createdAt: c.createdAt.toISOString(),
    ownerNote: c.ownerNote,
  };
}

const select = {
  id: true,
  channel: true,
  amountCents: true,
  paidAt: true,
  status: true,
  createdAt: true,
  ownerNote: true,
  article: { select: { slug: true, title: true } },
} as const;

export async function readerClaim(id: string, readerId: string | null): Promise<ReaderClaim> {
  const c =
    readerId && /^[A-Za-z0-9_-]{10,64}$/.test(id)
      ? await db().paymentClaim.findUnique({ where: { id }, select: { ...select, readerId: true } })
      : null;
  if (!c || c.readerId !== readerId) throw new AppError("not_found", "找不到这条付款报告。");
  return toReaderClaim(c);
}

export async function readerClaims(readerId: string, opts: { articleId?: string; pendingOnly?: boolean } = {}): Promise<ReaderClaim[]> {
  const rows = await db().paymentClaim.findMany({
    where: { readerId, ...(opts.articleId ? { articleId: opts.articleId } : {}), ...(opts.pendingOnly ? { status: "pending" } : {}) },
    select,
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  return rows.map(toReaderClaim);
}
