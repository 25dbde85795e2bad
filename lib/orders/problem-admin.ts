import { db } from "@/lib/db/client";
import { formatCents } from "@/lib/money";
import { PROBLEM_EFFECT, PROBLEM_KIND } from "@/lib/orders/problem-vocab";

/** 付不了？ reports for the owner (GET /api/admin/problems), newest first, with the account each was about. */
export async function listProblems(limit = 100) {
  const [rows, accounts] = await Promise.all([
    db().orderProblem.findMany({
      orderBy: { createdAt: "desc" },
      take: Math.min(limit, 500),
      include: { order: { select: { amountCents: true } } },
    }),
    db().account.findMany({ select: { id: true, name: true } }),
  ]);
  return rows.map((p) => ({
    id: p.id,
    orderId: p.orderId,
    kind: PROBLEM_KIND.parse(p.kind),
    text: p.text,
    effect: PROBLEM_EFFECT.parse(p.effect),
    note: p.note,
    channel: p.channel,
    accountId: p.accountId,
    account: accounts.find((a) => a.id === p.accountId)?.name ?? null,
    amount: formatCents(p.order.amountCents),
    createdAt: p.createdAt,
  }));
}

export type ProblemListItem = Awaited<ReturnType<typeof listProblems>>[number];
