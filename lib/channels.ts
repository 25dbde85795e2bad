/**
 * The two payment channels a personal receiving code can belong to: the one
 * home of their names and Chinese labels. Client-safe and free of zod (the
 * browser imports it); the request schema is lib/channel-schema.ts.
 */
export const CHANNELS = ["wechat", "alipay"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABEL: Record<Channel, string> = { wechat: "微信", alipay: "支付宝" };

/** The label of a stored channel string (a row read from the database), or the string itself. */
export function channelLabel(channel: string): string {
  return isChannel(channel) ? CHANNEL_LABEL[channel] : channel;
}

export function isChannel(value: unknown): value is Channel {
  return value === "wechat" || value === "alipay";
}
