import { chinaNextMidnight } from "@/lib/china-time";
import type { ProblemEffect, ProblemKind } from "@/lib/orders/problem-vocab";

/**
 * What one reader's 付不了？ report may do (pure). The reader cannot be verified — the wallet's
 * message is on their phone — so the rule is built so that lying costs a lot and gains little:
 *  - a report counts only for an order the reader really holds (checked by the caller), once per
 *    order, and only while the order is recent (REPORT_WINDOW_MINUTES from its creation): a report
 *    about an old order says nothing about the account now;
 *  - 收款方存在违规行为 / 对方账户异常 pause the account; 收款次数已达上限 stops it for the rest of
 *    the China day (the wallet's own cap resets then); but one reader, or one address, may cause at
 *    most one such stop per 24 hours — further reports are recorded and alerted, and stop nothing;
 *  - a report about an order made before the owner last resumed the account stops nothing (the
 *    owner has looked since);
 *  - 其他, or a report that may not stop the account, turns it 可疑 once two different readers (other
 *    cookie and other address) reported on it within the 24 hours (可疑 only steers orders elsewhere while another account or
 *    channel serves).
 * So pausing every account needs a fresh order — one per account, each rate limited — from a
 * different reader cookie and address per account; the owner is alerted of every report at once,
 * and resumes with one click.
 */
export const REPORT_WINDOW_MINUTES = 30;

export interface ReportContext {
  kind: ProblemKind;
  orderCreatedAt: Date;
  accountHealth: string | null;
  accountResumedAt: Date | null;
  /** Stops (pause or full today) this reader or address caused in the last 24 hours. */
  pausesByReporter: number;
  /** Other readers (other cookie and address) who reported on this account in the last 24 hours (since the owner's resume). */
  otherReaders: number;
  now: Date;
}

export interface ReportVerdict {
  effect: ProblemEffect;
  /** Why it stops nothing, for the owner. */
  note: string | null;
  /** For "full_today": the next China-time midnight. */
  fullUntil?: Date;
}

export function judgeReport(c: ReportContext): ReportVerdict {
  if (c.accountHealth === null) return { effect: "recorded", note: "订单没有收款账户" };
  const stops = c.kind === "restricted" || c.kind === "abnormal" || c.kind === "limit";
  const reason = !stops
    ? null
    : c.now.getTime() - c.orderCreatedAt.getTime() > REPORT_WINDOW_MINUTES * 60_000
      ? `订单创建已超过 ${REPORT_WINDOW_MINUTES} 分钟`
      : c.accountResumedAt && c.orderCreatedAt < c.accountResumedAt
        ? "站长在这个订单之后恢复过这个账户"
        : c.pausesByReporter > 0
          ? "同一读者或地址 24 小时内已经让一个账户停止收款"
          : c.accountHealth === "paused"
            ? "账户已经是暂停状态"
            : null;
  if (stops && reason === null) {
    if (c.kind === "limit") return { effect: "full_today", note: null, fullUntil: chinaNextMidnight(c.now) };
    return { effect: "paused", note: null };
  }
  if (c.otherReaders >= 1 && c.accountHealth === "ok") return { effect: "suspect", note: reason };
  return { effect: "recorded", note: reason };
}
