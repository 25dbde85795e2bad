import { chinaWallClock } from "@/lib/china-time";
import { vocabulary, type StateOf } from "@/lib/vocabulary";

/** Who replaced a private feed URL without the reader asking (ReaderFeed / DeviceFeed.rotatedBy). */
export const FEED_ROTATED_BY = vocabulary({ guard: "自动更换", owner: "站长更换" });
export type FeedRotatedBy = StateOf<typeof FEED_ROTATED_BY>;

/** How long 我的购买 tells a reader that their feed URL was replaced for them. */
const NOTICE_DAYS = 30;

/**
 * The notice over a private feed URL that was replaced without the reader asking (the feed guard,
 * or the owner), for NOTICE_DAYS; null otherwise. Making a new URL themselves clears it.
 */
export function feedNotice(feed: { rotatedAt: Date | null; rotatedBy: FeedRotatedBy | null }, now = new Date()): string | null {
  if (!feed.rotatedAt || now.getTime() - feed.rotatedAt.getTime() > NOTICE_DAYS * 86400_000) return null;
  const when = chinaWallClock(feed.rotatedAt).slice(0, 16);
  return feed.rotatedBy === "owner"
    ? `站长在 ${when} 更换了你的私人订阅地址，旧地址已停止提供全文。请在阅读器里改用下面的新地址。`
    : `你的私人订阅地址在短时间内被很多不同的网络访问（可能被分享或接入了公共聚合服务），已在 ${when} 自动更换，旧地址已停止提供全文。请在阅读器里改用下面的新地址，并且不要分享它。`;
}
