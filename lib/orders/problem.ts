import { withTx } from "@/lib/db/tx";
import { advisoryLock } from "@/lib/db/lock";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { CHANNEL_LABEL, type Channel } from "@/lib/channels";
import { consume } from "@/lib/http/rate-limit";
import { addressKey } from "@/lib/http/address-key";
import { raiseEvent } from "@/lib/alerts/raise";
import { markAccount } from "@/lib/accounts/health-store";
import { ORDER_ID } from "@/lib/orders/read";
import { cancelInTx } from "@/lib/orders/slots";
import { problemOffer } from "@/lib/orders/problem-offer";
import { judgeReport, type ReportContext } from "@/lib/orders/problem-rules";
import { PROBLEM_KIND, type ProblemAnswer, type ProblemKind } from "@/lib/orders/problem-vocab";

/**
 * POST /api/orders/{id}/problem — 付不了？. The owner is alerted at once (reader.problem); a report
 * that the wallet refuses the payee pauses the account for new orders, and the reader is offered
 * another account or channel in the same dialog. What a report may do is decided by
 * problem-rules.ts (the abuse rule); the decision and the pause are one transaction, serialised
 * per reader and per address so two reports racing in two processes count as two.
 */
const PER_READER_PER_HOUR = 10;
const PER_ADDRESS_PER_HOUR = 30;
const LIMIT_MESSAGE = "提交太频繁了，请稍后再试。";
const notFound = () => new AppError("order_not_found", "订单不存在或已被删除。");

export async function reportProblem(
  orderId: string,
  readerId: string | null,
  input: { kind: ProblemKind; text?: string | null },
  ip: string,
  now = new Date(),
): Promise<ProblemAnswer> {
  if (!ORDER_ID.test(orderId) || !readerId) throw notFound();
  const address = addressKey(ip);
  await consume("problem-reader", readerId, PER_READER_PER_HOUR, 3600, LIMIT_MESSAGE);
  await consume("problem-ip", address, PER_ADDRESS_PER_HOUR, 3600, LIMIT_MESSAGE);
  const text = input.text?.trim() || null;
  const done = await withTx(async (tx) => {
    await advisoryLock(tx, `paywall-problem:${readerId}`);
    await advisoryLock(tx, `paywall-problem:${address}`);
    const order = await tx.order.findUnique({
      where: { id: orderId },
      select: {
        readerId: true,
        status: true,
        createdAt: true,
        accountId: true,
        channel: true,
        amountCents: true,
        listPriceCents: true,
        discountCents: true,
      },
    });
    // Only the reader who holds the order may report on it.
    if (!order || order.readerId !== readerId) throw notFound();
    if (order.status === "paid") throw new AppError("order_not_open", "这个订单已经付款成功，无需报告。");
    if (await tx.orderProblem.findUnique({ where: { orderId }, select: { id: true } })) {
      throw new AppError("conflict", "这个订单已经报告过了，站长已收到通知。");
    }
    const account = order.accountId
      ? await tx.account.findUnique({ where: { id: order.accountId }, select: { id: true, name: true, health: true, resumedAt: true } })
      : null;
    const since = new Date(now.getTime() - 24 * 3600_000);
    const ctx: ReportContext = {
      kind: input.kind,
      orderCreatedAt: order.createdAt,
      accountHealth: account?.health ?? null,
      accountResumedAt: account?.resumedAt ?? null,
      pausesByReporter: await tx.orderProblem.count({
        where: { effect: { in: ["paused", "full_today"] }, createdAt: { gte: since }, OR: [{ readerId }, { clientIp: address }] },
      }),
      otherReaders: account
        ? (
            await tx.orderProblem.findMany({
              // Another reader counts only from another address: one person with two cookies is one witness.
              where: { accountId: account.id, readerId: { not: readerId }, clientIp: { not: address }, createdAt: { gte: since } },
              distinct: ["readerId"],
              select: { readerId: true, createdAt: true },
            })
          ).filter((p) => !account.resumedAt || p.createdAt > account.resumedAt).length
        : 0,
      now,
    };
    const verdict = judgeReport(ctx);
    const problemId = newId();
    const evidence = { kind: "reader_report" as const, problemId, orderId, report: PROBLEM_KIND.label(input.kind), text };
    let effect = verdict.effect;
    if (account && effect === "paused") {
      if (!(await markAccount(tx, account.id, "paused", evidence, now, { from: ["ok", "suspect"] }))) effect = "recorded";
    } else if (account && effect === "suspect") {
      if (!(await markAccount(tx, account.id, "suspect", { ...evidence, readers: ctx.otherReaders + 1 }, now))) effect = "recorded";
    } else if (account && effect === "full_today") {
      await tx.account.update({ where: { id: account.id }, data: { fullUntil: verdict.fullUntil } });
    }
    await tx.orderProblem.create({
      data: {
        id: problemId,
        orderId,
        readerId,
        accountId: account?.id ?? null,
        channel: order.channel,
        kind: input.kind,
        text,
        effect,
        note: verdict.note,
        clientIp: address,
        createdAt: now,
      },
    });
    // The account will not serve this reader again now: let go of the order, so a retry makes a new one (its amount stays held for late payments).
    if (effect === "paused" || effect === "full_today") await cancelInTx(tx, orderId, now);
    await raiseEvent(
      tx,
      "reader.problem",
      {
        problemId,
        orderId,
        accountId: account?.id ?? null,
        account: account?.name ?? null,
        channel: order.channel,
        amountCents: order.amountCents,
        kind: input.kind,
        kindLabel: PROBLEM_KIND.label(input.kind),
        text,
        effect,
        note: verdict.note,
      },
      now,
    );
    return { problemId, effect, order };
  });
  const channel = done.order.channel as Channel;
  const moved = done.effect === "paused" || done.effect === "full_today";
  const offer = moved ? await problemOffer(channel, done.order.listPriceCents - (done.order.discountCents ?? 0), now) : null;
  return { problemId: done.problemId, effect: done.effect, offer, message: answerText(moved, offer, channel) };
}

function answerText(moved: boolean, offer: ProblemAnswer["offer"], channel: Channel): string {
  if (!moved) return "谢谢反馈，站长已收到通知。你也可以换一种付款方式再试。";
  if (offer?.sameChannel) return `已换一个${CHANNEL_LABEL[channel]}收款账户，请用新的二维码付款。`;
  if (offer) return `${CHANNEL_LABEL[channel]}收款暂时不可用，请改用${CHANNEL_LABEL[offer.channel]}付款。`;
  return "站长已收到通知，暂时没有其他收款方式可用，请稍后再试。";
}
