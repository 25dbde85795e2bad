import type { Channel } from "@/lib/channels";
import type { ChannelOrder } from "@/lib/settings/schema";

/** Phones cannot scan a code on their own screen; they get deep links and save-image flows instead. */
export function isMobileUA(ua: string): boolean {
  return /Android|iPhone|iPad|iPod|Mobile|MicroMessenger/i.test(ua);
}

/** WeChat's in-app browser: it refuses to open Alipay links, so only WeChat's own way of paying works there. */
export function isWeChatBrowser(ua: string): boolean {
  return /MicroMessenger/i.test(ua);
}

/**
 * The payment tabs in order, the first one chosen when the dialog opens.
 * Inside WeChat, WeChat always comes first. Otherwise the owner's setting;
 * "auto" puts Alipay first on phones (its deep link opens the app with the
 * amount) and WeChat first on computers.
 */
export function preferredChannels(order: ChannelOrder, ua: string): Channel[] {
  const first: Channel = isWeChatBrowser(ua) ? "wechat" : order === "auto" ? (isMobileUA(ua) ? "alipay" : "wechat") : order;
  return first === "wechat" ? ["wechat", "alipay"] : ["alipay", "wechat"];
}

/** Opens Alipay's scanner on the receiving-code URL (works from mobile browsers). */
export function alipayDeepLink(payload: string): string {
  return `alipays://platformapi/startapp?saId=10000007&qrcode=${encodeURIComponent(payload)}`;
}
