import type { Tx } from "@/lib/db/client";
import { withTx } from "@/lib/db/tx";
import { AppError, isAppError } from "@/lib/errors";
import { noteFailedGuess, refuseIfGuessing } from "@/lib/http/guess-limit";
import type { GrantKind, GrantTarget } from "@/lib/targets";
import { labelOf } from "@/lib/catalog/ref";
import { alreadyUnlocked, ownsTarget } from "@/lib/entitlements/check";
import { grantTarget } from "@/lib/entitlements/grant";
import { passStatus } from "@/lib/passes/period";
import { normalizeCode } from "@/lib/redeem/code";

/**
 * POST /api/redeem: a reader turns a code into a grant, in one transaction.
 * The code is consumed by a status-guarded update (only a row that is unused,
 * not revoked and not expired changes), so it works exactly once however many
 * readers or processes try at the same moment; what it grants goes through
 * lib/entitlements like a paid order, but with no order and no payment, so it
 * is never revenue. A reader who already owns the thing keeps the code unused.
 *
 * Failed attempts are limited per client address (IPv6: per /56) and per
 * reader; many failures across everyone slow guessing down without locking
 * anyone out (lib/http/guess-limit.ts). Codes carry 80 random bits; this is a
 * second wall.
 */
export interface RedeemResult {
  kind: GrantKind;
  /** 「标题」 / 专栏「标题」 / 全站通「名称」 */
  label: string;
  /** Where to read it. */
  href: string;
  /** For a pass: where the reader's access now ends (null = lifetime). */
  passUntil?: string | null;
}

const invalid = () => new AppError("redeem_code_invalid", "兑换码不存在，请检查是否输入完整。");

/** Why a code that exists did not change: the message the reader acts on. */
async function whyNot(tx: Tx, code: string, readerId: string, now: Date): Promise<AppError> {
  const row = await tx.redeemCode.findUnique({ where: { code }, select: { revokedAt: true, expiresAt: true, redeemedBy: true } });
  if (!row) return invalid();
  if (row.redeemedBy === readerId) return new AppError("redeem_code_used", "你已经兑换过这个兑换码了，内容已在「我的购买」中。");
  if (row.redeemedBy) return new AppError("redeem_code_used", "这个兑换码已被使用。每个兑换码只能使用一次。");
  if (row.revokedAt) return new AppError("redeem_code_invalid", "这个兑换码已被站长作废。");
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return new AppError("redeem_code_invalid", "这个兑换码已过期。");
  return invalid();
}

function targetOfCode(row: { kind: string; articleId: string | null; seriesId: string | null; passId: string | null }): GrantTarget {
  if (row.kind === "article" && row.articleId) return { kind: "article", articleId: row.articleId };
  if (row.kind === "series" && row.seriesId) return { kind: "series", seriesId: row.seriesId };
  if (row.kind === "pass" && row.passId) return { kind: "pass", passId: row.passId };
  throw new Error(`redeem code of kind ${row.kind} names no target`);
}

export async function redeemCode(input: string, readerId: string, ip: string, now = new Date()): Promise<RedeemResult> {
  await refuseIfGuessing("redeem", ip, readerId);
  const code = normalizeCode(input);
  try {
    if (!code) throw invalid();
    return await withTx(async (tx) => {
      const taken = await tx.redeemCode.updateMany({
        where: { code, redeemedAt: null, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        data: { redeemedAt: now, redeemedBy: readerId },
      });
      if (taken.count !== 1) throw await whyNot(tx, code, readerId, now);
      const row = await tx.redeemCode.findUniqueOrThrow({
        where: { code },
        include: {
          article: { select: { slug: true, title: true } },
          series: { select: { slug: true, title: true } },
          pass: { select: { name: true } },
        },
      });
      const target = targetOfCode(row);
      // Throwing rolls the consumption back: the code stays usable for someone else.
      if (await ownsTarget(tx, readerId, target, now)) throw alreadyUnlocked(target.kind);
      await grantTarget(tx, readerId, target, { redeemCodeId: row.id }, now);
      const result: RedeemResult = { kind: target.kind, label: labelOf(row), href: "/me" };
      if (row.article) result.href = `/posts/${row.article.slug}`;
      if (row.series) result.href = `/series/${row.series.slug}`;
      if (target.kind === "pass") {
        const periods = await tx.passGrant.findMany({ where: { readerId }, select: { startsAt: true, endsAt: true } });
        result.passUntil = passStatus(periods, now).until?.toISOString() ?? null;
      }
      return result;
    });
  } catch (e) {
    if (isAppError(e) && (e.code === "redeem_code_invalid" || e.code === "redeem_code_used")) await noteFailedGuess("redeem", ip, readerId);
    throw e;
  }
}
