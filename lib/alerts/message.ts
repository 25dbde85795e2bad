import { channelLabel } from "@/lib/channels";
import { formatCents } from "@/lib/money";
import type { AlertEvent, EventData, EventType } from "@/lib/alerts/events";
import { chinaWallClock } from "@/lib/china-time";
import { ACCOUNT_DESCRIBE } from "@/lib/alerts/message-accounts";

/**
 * The human text of an event, for the channels a person reads on a phone
 * (Bark, Server酱, Telegram, group robots, e-mail). Pure. Every text starts
 * with 【付费阅读】 so a DingTalk robot secured by keyword accepts it.
 */
export interface AlertMessage {
  title: string;
  text: string;
}

const PREFIX = "【付费阅读】";
const yuan = (cents: number) => `¥${formatCents(cents)}`;
const china = (iso: string | null) => (iso ? `${chinaWallClock(new Date(iso))}（北京时间）` : "从未");

function soldText(d: EventData["payment.matched"]): string {
  const item = d.item ?? (d.article ? `《${d.article.title}》` : null);
  if (d.kind === "tip") return `${item ?? "一篇文章"}收到赞赏`;
  if (d.kind === "merchant") return `网关订单${item ?? ""}已付款`;
  return `${item ?? "一篇文章"}已售出`;
}

type Describe<T extends EventType> = (d: EventData[T]) => AlertMessage;

const DESCRIBE: { [T in EventType]: Describe<T> } = {
  "payment.matched": (d) => ({
    title: `收到 ${yuan(d.amountCents)}（${channelLabel(d.channel)}）`,
    text: `${soldText(d)}${d.late ? "（读者付款较晚，已按迟到付款解锁）" : ""}，订单 ${d.orderId}。`,
  }),
  "payment.unmatched": (d) => ({
    title: `有一笔 ${yuan(d.amountCents)} 无法匹配订单`,
    text: `${channelLabel(d.channel)}收到 ${yuan(d.amountCents)}，没有对应的待付款订单${d.suspectedDuplicateOf ? "（可能是同一笔钱的重复通知）" : ""}${d.unowned ? "（报告它的手机没有被指定为这个渠道的收款账户，可能不是你的钱）" : ""}。请到后台「收款」里分配给订单或标记已退款。`,
  }),
  "reader.claim": (d) => ({
    title: `读者报告已付款 ${yuan(d.amountCents)}`,
    text: `${d.orderId ? `订单 ${d.orderId}` : "一位读者"}（${channelLabel(d.channel)}${d.article ? `，《${d.article.title}》` : ""}）说已经付款但没有解锁。${d.message ? `留言：${d.message}。` : ""}请核对收款后在后台处理。`,
  }),
  "notifier.offline": (d) => ({
    title: `通知手机离线：${d.name}`,
    text: `「${d.name}」最后一次联系是 ${china(d.lastSeenAt)}。在它恢复之前，新订单会被拒绝。请检查手机的网络、电量和转发应用是否被系统关闭。`,
  }),
  "notifier.online": (d) => ({
    title: `通知手机已恢复：${d.name}`,
    text: `「${d.name}」重新在线${d.offlineSince ? `（自 ${china(d.offlineSince)} 起离线）` : ""}。离线期间如有读者付款，请在后台核对或导入账单对账。`,
  }),
  "notifier.silent": (d) => ({
    title: `手机在线但没有转发收款：${d.name}`,
    text: `「${d.name}」仍在发送心跳，但自 ${china(d.lastPaymentNotificationAt)} 起没有转发任何微信/支付宝通知，超过了平时最长的间隔（约 ${Math.round(d.usualGapSeconds / 60)} 分钟）${d.unpaidOrders ? `，期间有 ${d.unpaidOrders} 个订单过期未付` : ""}。请检查通知权限、收款小账本设置，或应用是否更新改了通知。`,
  }),
  "notification.unreadable": (d) => ({
    title: "收款通知读不出金额",
    text: `收到一条${d.package ? `来自 ${d.package} 的` : ""}通知，看起来像收款但读不出金额（${d.reason}），付款应用可能改了通知文字。原文：${[d.title, d.text].filter(Boolean).join(" / ") || "（空）"}`,
  }),
  "reconcile.difference": (d) => ({
    title: `对账发现差异（${channelLabel(d.channel)}）`,
    text: `账单 ${china(d.periodStart)} 至 ${china(d.periodEnd)}：按账单补记并解锁 ${d.settled} 笔，放入待处理 ${d.inbox} 笔，${d.notInBill} 笔通知在账单里找不到（可能是伪造的通知）。`,
  }),
  "merchant.notify_failed": (d) => ({
    title: `网关通知失败：${d.merchant}`,
    text: `订单 ${d.tradeNo}（商户单号 ${d.outTradeNo}，${yuan(d.amountCents)}）已收款，但商户网站没有确认通知：${d.response}。系统会自动重试；也可在后台「网关商户」里查看并「重新通知」。`,
  }),
  "backup.failed": (d) =>
    d.reason === "overdue"
      ? {
          title: "超过一天没有成功备份",
          text: `最近一次成功备份：${china(d.lastSuccessAt)}。请到后台「备份」查看原因并点「立即备份」；也可在服务器上运行 npm run backup。`,
        }
      : {
          title: "备份失败",
          text: `${d.host} 上的备份没有完成：${d.error ?? "未知原因"}。最近一次成功备份：${china(d.lastSuccessAt)}。请按提示处理后在后台「备份」点「立即备份」。`,
        },
  "feed.rotated": (d) => ({
    title: `私人订阅地址已自动更换：${d.label}`,
    text: `${d.label}${d.restoredBrowser ? "（经恢复链接登录的设备）" : ""}的私人订阅地址${
      d.reason === "subscribers"
        ? `被一个订阅服务报告有 ${d.subscribers} 位订阅者`
        : `在${d.reason === "networks_hour" ? "一小时" : "一天"}内被 ${d.reason === "networks_hour" ? d.networksLastHour : d.networksLastDay} 个不同网络访问`
    }，可能被公开分享或接入了公共聚合服务，已自动换成新地址，旧地址停止提供全文。读者会在「我的购买」里看到新地址。如怀疑泄露，可在「泄露追踪」里查看这位读者。`,
  }),
  ...ACCOUNT_DESCRIBE,
};

export function describeEvent(event: AlertEvent): AlertMessage {
  const describe = DESCRIBE[event.type] as Describe<EventType> | undefined;
  try {
    if (describe) {
      const m = describe(event.data);
      return { title: `${PREFIX}${m.title}`, text: m.text };
    }
  } catch {
    // An event whose data this version cannot read still reaches the owner, raw.
  }
  return { title: `${PREFIX}${event.type}`, text: JSON.stringify(event.data).slice(0, 1000) };
}

/** The message 「发送测试」 sends. */
export function testMessage(name: string): AlertMessage {
  return { title: `${PREFIX}测试提醒`, text: `这是「${name}」的测试消息：收到它说明提醒设置正确。` };
}
