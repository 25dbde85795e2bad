import { vocabulary, type StateOf } from "@/lib/vocabulary";

/**
 * Why a bill row went to the owner's inbox instead of paying an order (BillEntry.reason).
 * Client-safe: the bill import's report shows these words.
 */
export const BILL_INBOX_REASON = vocabulary(
  {
    ambiguous: "同一金额有多个订单，无法确定是谁",
    no_order: "当时没有这个金额的订单",
    coupon_used_up: "订单使用的优惠码已达上限",
  },
  { ambiguous: "warn", no_order: "warn", coupon_used_up: "warn" },
);
export type InboxReason = StateOf<typeof BILL_INBOX_REASON>;
