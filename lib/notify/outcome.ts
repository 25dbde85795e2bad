import { vocabulary, type StateOf } from "@/lib/vocabulary";

/**
 * What became of a notifier request (Notification.outcome), in the owner's words on the
 * notification log. Client-safe. A row without one is still being handled (or its handling failed).
 */
export const NOTIFICATION_OUTCOME = vocabulary(
  {
    matched: "已匹配订单",
    late_matched: "迟到匹配",
    unmatched: "未匹配（进入待处理收款）",
    ignored: "已忽略（不是新收款）",
    duplicate: "重复通知（未重复入账）",
    heartbeat: "心跳",
    rejected: "已拒绝",
    // A second phone's report (lib/payments/standby.ts): one already recorded, or a standby's waiting for the primary's.
    confirmation: "确认（另一台手机已报告）",
    waiting: "备用手机报告，等待主手机",
  },
  { matched: "good", late_matched: "good", unmatched: "warn", heartbeat: "muted", rejected: "bad", confirmation: "muted" },
);
export type NotificationOutcome = StateOf<typeof NOTIFICATION_OUTCOME>;
/** The word for a row with no outcome recorded. */
export const NO_OUTCOME_LABEL = "处理中";
export const outcomeLabel = (o: NotificationOutcome | null): string => (o === null ? NO_OUTCOME_LABEL : NOTIFICATION_OUTCOME.label(o));
