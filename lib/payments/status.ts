import { vocabulary } from "@/lib/vocabulary";

/**
 * The words of a payment (the money a phone or a bill reported). Client-safe: the inbox imports it.
 * unmatched is the owner's inbox: it waits until assigned to an order or marked refunded.
 */
export const PAYMENT_STATUSES = ["matched", "late_matched", "unmatched", "assigned", "refunded"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_STATUS = vocabulary(PAYMENT_STATUSES, {
  matched: { label: "已匹配", tone: "good" },
  late_matched: { label: "迟到匹配", tone: "good" },
  unmatched: { label: "待处理", tone: "bad" },
  assigned: { label: "已手动分配", tone: "neutral" },
  refunded: { label: "已退款", tone: "muted" },
});
/** The inbox's own state: money no order took yet, waiting for the owner. */
export const needsOwner = (status: PaymentStatus | null): boolean => status === "unmatched";

/** Where the payment was learnt from: a phone's notification, or only the official bill at reconciliation. */
export const PAYMENT_ORIGINS = ["notify", "bill"] as const;
export type PaymentOrigin = (typeof PAYMENT_ORIGINS)[number];
export const PAYMENT_ORIGIN = vocabulary(PAYMENT_ORIGINS, { notify: "手机通知", bill: "对账补记（手机没有通知）" });
/** Stored as Payment.source; anything but "bill" was a phone's. */
export const originOf = (source: string): PaymentOrigin => (source === "bill" ? "bill" : "notify");

/** After a bill covering its time was imported: found in it, or missing (possibly a forged notification). */
export const BILL_STATUSES = ["found", "missing"] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];
export const BILL_STATUS = vocabulary(BILL_STATUSES, {
  found: { label: "账单中有", tone: "good" },
  missing: { label: "账单中没有", tone: "bad" },
});
/** Why "missing" matters, said beside its word. */
export const BILL_MISSING_HINT = "可能是伪造的通知";
