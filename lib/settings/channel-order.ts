/** Which payment channel the dialog offers first. Free of zod so browser code can import it (CSP: no eval probe). */
export const CHANNEL_ORDERS = ["auto", "wechat", "alipay"] as const;
export type ChannelOrder = (typeof CHANNEL_ORDERS)[number];

export const CHANNEL_ORDER_LABEL: Record<ChannelOrder, string> = {
  auto: "自动（手机浏览器支付宝优先，电脑微信优先）",
  wechat: "微信优先",
  alipay: "支付宝优先",
};
