import type { Channel } from "@/lib/channels";
import { vocabulary, type StateOf } from "@/lib/vocabulary";

/**
 * The gateway's vocabulary: the two merchant protocols and how each names our
 * channels. Client-safe. 易支付 names a channel by its `type`; V免签 by a number.
 */
export const GATEWAY_PROTOCOLS = ["epay", "vmq"] as const;
export type GatewayProtocol = (typeof GATEWAY_PROTOCOLS)[number];
export const GATEWAY_PROTOCOL_LABEL: Record<GatewayProtocol, string> = { epay: "易支付", vmq: "V免签" };
/** The label of a stored protocol string, or the string itself. */
export const gatewayProtocolLabel = (p: string): string => GATEWAY_PROTOCOL_LABEL[p as GatewayProtocol] ?? p;

export const EPAY_TYPE_CHANNEL: Record<string, Channel> = { wxpay: "wechat", alipay: "alipay" };
export const CHANNEL_EPAY_TYPE: Record<Channel, string> = { wechat: "wxpay", alipay: "alipay" };
export const VMQ_TYPE_CHANNEL: Record<string, Channel> = { "1": "wechat", "2": "alipay" };
export const CHANNEL_VMQ_TYPE: Record<Channel, string> = { wechat: "1", alipay: "2" };

/** Merchant order states; paid_notify_failed is paid money whose merchant has not acknowledged the notify yet. */
export const MERCHANT_ORDER_STATUS = vocabulary(
  { pending: "待付款", paid: "已付款", paid_notify_failed: "已付款·通知失败", closed: "已关闭" },
  { paid: "good", paid_notify_failed: "bad", closed: "muted" },
);
export type MerchantOrderStatus = StateOf<typeof MERCHANT_ORDER_STATUS>;
export const isPaidStatus = (s: string | null): boolean => s === "paid" || s === "paid_notify_failed";
/** Paid, but the merchant's notify URL has not acknowledged it: the owner may need to 「重新通知」. */
export const isNotifyFailed = (s: MerchantOrderStatus | null): boolean => s === "paid_notify_failed";

/** What the hosted checkout (/pay/{tradeNo}) makes of a merchant order: payable, paid, or closed by the merchant. */
export type CheckoutState = "pending" | "paid" | "closed";
export const checkoutState = (s: string): CheckoutState => (isPaidStatus(s) ? "paid" : s === "closed" ? "closed" : "pending");
export const isCheckoutPayable = (s: CheckoutState): boolean => s === "pending";
export const isCheckoutClosed = (s: CheckoutState): boolean => s === "closed";

/** Our trade_no / V免签 orderId: 19 digits, the shape 易支付 clients store (today: the date and 11 random digits). */
export const TRADE_NO = /^\d{19}$/;
