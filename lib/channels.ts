import { z } from "zod";

/**
 * The two payment channels a personal receiving code can belong to: the one
 * home of their names, Chinese labels and input schema. Client-safe.
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

/** Request field `channel`. Pure annotation: a browser bundle that only needs the labels drops zod. */
export const channelSchema = /* @__PURE__ */ z.enum(CHANNELS, { error: "channel 必须是 wechat（微信）或 alipay（支付宝）" });
