import { vocabulary } from "@/lib/vocabulary";

/**
 * What became of a notifier request (Notification.outcome), in the owner's words on the
 * notification log. Client-safe. A row without one is still being handled (or its handling failed).
 */
export const NOTIFICATION_OUTCOMES = ["matched", "late_matched", "unmatched", "ignored", "duplicate", "heartbeat", "rejected"] as const;
export type NotificationOutcome = (typeof NOTIFICATION_OUTCOMES)[number];
export const NOTIFICATION_OUTCOME = vocabulary(NOTIFICATION_OUTCOMES, {
  matched: { label: "已匹配订单", tone: "good" },
  late_matched: { label: "迟到匹配", tone: "good" },
  unmatched: { label: "未匹配（进入待处理收款）", tone: "warn" },
  ignored: { label: "已忽略（不是新收款）", tone: "neutral" },
  duplicate: { label: "重复通知（未重复入账）", tone: "neutral" },
  heartbeat: { label: "心跳", tone: "muted" },
  rejected: { label: "已拒绝", tone: "bad" },
});
/** The word for a row with no outcome recorded. */
export const NO_OUTCOME_LABEL = "处理中";
export const outcomeLabel = (o: NotificationOutcome | null): string => (o === null ? NO_OUTCOME_LABEL : NOTIFICATION_OUTCOME.label(o));
