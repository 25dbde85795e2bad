import type { z } from "zod";
import { db } from "@/lib/db/client";
import { isUniqueViolation, withTx } from "@/lib/db/tx";
import { raiseEvent } from "@/lib/alerts/raise";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { consume } from "@/lib/http/rate-limit";
import { addressKey } from "@/lib/http/address-key";
import { requirePublishedArticle } from "@/lib/articles/queries";
import { canRead } from "@/lib/entitlements/check";
import { CLAIM_MAX_AGE_DAYS, type claimInput } from "@/lib/claims/input";
import { toReaderClaim, type ReaderClaim } from "@/lib/claims/reader";

/**
 * 我已付款: a reader reports a payment that unlocked nothing. This only records
 * the report for the owner's inbox; nothing is unlocked until the owner accepts
 * it (lib/claims/admin.ts). Limited per reader and per address, and one open
 * report per reader and post (unique PaymentClaim.pendingKey), so it cannot be
 * used to flood the owner.
 */
const PER_READER_PER_HOUR = 5;
const PER_ADDRESS_PER_HOUR = 20;
const LIMIT_MESSAGE = "提交太频繁了，请稍后再试；站长会核对你已经提交的报告。";

export async function createClaim(
  input: z.output<typeof claimInput>,
  readerId: string,
  ip: string,
  now = new Date(),
): Promise<ReaderClaim> {
  const article = await requirePublishedArticle(input.slug);
  if (article.priceCents <= 0) throw new AppError("invalid_input", "这篇文章免费，无需付款。");
  if (await canRead(readerId, article)) throw new AppError("already_unlocked", "你已经可以阅读这篇文章的全文了，刷新页面即可。");
  const paidAt = input.paidAt;
  if (paidAt.getTime() > now.getTime() + 10 * 60_000) throw new AppError("invalid_input", "付款时间不能晚于现在。");
  if (paidAt.getTime() < now.getTime() - CLAIM_MAX_AGE_DAYS * 86_400_000) {
    throw new AppError("invalid_input", `只能报告 ${CLAIM_MAX_AGE_DAYS} 天内的付款；更早的请直接联系站长。`);
  }
  const address = addressKey(ip);
  await consume("claim-reader", readerId, PER_READER_PER_HOUR, 3600, LIMIT_MESSAGE);
  await consume("claim-ip", address, PER_ADDRESS_PER_HOUR, 3600, LIMIT_MESSAGE);

  const orderId = await relatedOrder(readerId, article.id, input);
  try {
    // The one place a reader's payment report is recorded; the owner's alert is queued in the same transaction.
    const claim = await withTx(async (tx) => {
      const created = await tx.paymentClaim.create({
        data: {
          id: newId(),
          readerId,
          articleId: article.id,
          orderId,
          channel: input.channel,
          amountCents: input.amountCents,
          paidAt,
          note: input.note || null,
          pendingKey: `${readerId}:${article.id}`,
          clientIp: address,
          createdAt: now,
        },
        include: { article: { select: { slug: true, title: true } } },
      });
      const data = {
        claimId: created.id,
        orderId,
        channel: input.channel,
        amountCents: input.amountCents,
        article: created.article,
        message: input.note || undefined,
      };
      await raiseEvent(tx, "reader.claim", data, now);
      return created;
    });
    return toReaderClaim(claim);
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", "你已经报告过这篇文章的付款，站长核对后会为你解锁，请耐心等待。");
    throw e;
  }
}

/** The order the report is about: the one named (if it is this reader's, for this post), else their latest unpaid one. */
async function relatedOrder(readerId: string, articleId: string, input: { orderId?: string; channel: string; amountCents: number }) {
  const rows = await db().order.findMany({
    where: { readerId, articleId, status: { not: "paid" } },
    select: { id: true, channel: true, amountCents: true },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  const named = rows.find((o) => o.id === input.orderId);
  const same = rows.find((o) => o.channel === input.channel && o.amountCents === input.amountCents);
  return (named ?? same ?? rows[0])?.id ?? null;
}
