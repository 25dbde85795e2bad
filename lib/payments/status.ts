import { vocabulary, type StateOf } from "@/lib/vocabulary";

/**
 * The words of a payment (the money a phone or a bill reported). Client-safe: the inbox imports it.
 * unmatched is the owner's inbox: it waits until assigned to an order or marked refunded.
 */
export const PAYMENT_STATUS = vocabulary(
  { matched: "已匹配", late_matched: "迟到匹配", unmatched: "待处理", assigned: "已手动分配", refunded: "已退款" },
  { matched: "good", late_matched: "good", unmatched: "bad", refunded: "muted" },
);
export type PaymentStatus = StateOf<typeof PAYMENT_STATUS>;
export const PAYMENT_STATUSES = PAYMENT_STATUS.values;
/** The inbox's own state: money no order took yet, waiting for the owner (the payments page opens on it). */
export const INBOX_STATUS = "unmatched" satisfies PaymentStatus;
export const needsOwner = (status: PaymentStatus | null): boolean => status === INBOX_STATUS;

/** Where the payment was learnt from: a phone's notification, or only the official bill at reconciliation. */
export const PAYMENT_ORIGIN = vocabulary({ notify: "手机通知", bill: "对账补记（手机没有通知）" });
export type PaymentOrigin = StateOf<typeof PAYMENT_ORIGIN>;
/** Stored as Payment.source; anything but "bill" was a phone's. */
export const originOf = (source: string): PaymentOrigin => (source === "bill" ? "bill" : "notify");
/** Recorded from the official bill: the phone never reported it. */
export const isFromBill = (origin: PaymentOrigin): boolean => origin === "bill";

/** After a bill covering its time was imported: found in it, or missing (possibly a forged notification). */
export const BILL_STATUS = vocabulary({ found: "账单中有", missing: "账单中没有" }, { found: "good", missing: "bad" });
export type BillStatus = StateOf<typeof BILL_STATUS>;
/** Why "missing" matters, said beside its word. */
export const BILL_MISSING_HINT = "可能是伪造的通知";
export const isMissingFromBill = (status: BillStatus | null): boolean => status === "missing";
