import { channelLabel } from "@/lib/channels";
import { formatCents } from "@/lib/money";
import { chinaWallClock } from "@/lib/china-time";
import type { EventData } from "@/lib/alerts/events";

/**
 * The texts of the receiving-account events (health, ceilings, readers' reports and requests,
 * the standby phone), kept apart from message.ts to keep each file readable. Pure.
 */
const yuan = (cents: number) => `¥${formatCents(cents)}`;
const chinaTime = (iso: string) => chinaWallClock(new Date(iso)).slice(0, 16);

const EFFECT: Record<string, string> = {
  paused: "已自动暂停这个账户的新订单，读者被引导到其他账户或渠道。请核实后在后台「收款账户」里恢复。",
  full_today: "这个账户今天不再分配新订单（明天自动恢复）。",
  suspect: "这个账户已标记为可疑：有其他账户或渠道可用时不再分配新订单。",
  recorded: "已记录，未自动暂停账户",
};

type Msg = { title: string; text: string };

export const ACCOUNT_DESCRIBE = {
  "account.suspect": (d: EventData["account.suspect"]): Msg => ({
    title: `收款账户可疑：${d.account}（${channelLabel(d.channel)}）`,
    text: `${d.summary} 有其他账户或渠道可用时，它不再分配新订单；收到它的付款后自动恢复，也可以在后台「收款账户」里手动恢复。请打开对应的${channelLabel(d.channel)}确认账户是否被限制收款。`,
  }),
  "account.paused": (d: EventData["account.paused"]): Msg => ({
    title: `收款账户已暂停：${d.account}（${channelLabel(d.channel)}）`,
    text: `${d.summary} 它不再分配新订单，直到你在后台「收款账户」里点「恢复」。请先打开对应的${channelLabel(d.channel)}确认账户状态。`,
  }),
  "account.ceiling": (d: EventData["account.ceiling"]): Msg => {
    const used = d.limit === "perDayCents" ? `${yuan(d.used)} / ${yuan(d.max)}` : `${d.used} / ${d.max} 笔`;
    return {
      title: `${d.account}${d.percent >= 100 ? "今日已达上限" : `今日已达上限的 ${d.percent}%`}（${d.limitLabel}）`,
      text: `${channelLabel(d.channel)}收款账户「${d.account}」今天（${d.day}）${d.limitLabel} ${used}。${d.percent >= 100 ? "它今天不再分配新订单，其他账户照常收款；都满时读者会看到「今日收款已满」。" : "达到上限后它今天不再分配新订单。"}`,
    };
  },
  "reader.problem": (d: EventData["reader.problem"]): Msg => ({
    title: `读者付不了款：${d.kindLabel}`,
    text: `订单 ${d.orderId}（${channelLabel(d.channel)} ${yuan(d.amountCents)}${d.account ? `，收款账户「${d.account}」` : ""}）的读者报告：「${d.kindLabel}」${d.text ? `，留言：${d.text}` : ""}。${EFFECT[d.effect] ?? ""}${d.note ? `（${d.note}）` : ""}`,
  }),
  "reader.request": (d: EventData["reader.request"]): Msg => ({
    title: `读者${d.kindLabel}：${yuan(d.amountCents)}`,
    text: `订单 ${d.orderId}${d.item ? `（${d.item}）` : ""}：${d.message}${d.contact ? `。联系方式：${d.contact}` : ""}。你承诺在 ${chinaTime(d.dueAt)}（北京时间）前答复，请到后台「读者请求」处理。`,
  }),
  "standby.active": (d: EventData["standby.active"]): Msg => ({
    title: `备用手机接管了收款确认：${d.account}`,
    text: `${d.reason === "primary_offline" ? "主手机离线" : "主手机在线但没有及时转发"}，${d.device ? `备用手机「${d.device}」` : "备用手机"}报告的 ${yuan(d.amountCents)} 已${d.orderId ? `确认订单 ${d.orderId}` : "记录"}。请检查主手机的网络、电量和通知转发。（半小时内同一账户只提醒一次）`,
  }),
};
