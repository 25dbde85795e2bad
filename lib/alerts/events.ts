import { z } from "zod";

/**
 * The events an owner can be alerted about: the one home of their names,
 * Chinese labels and data shapes. Client-safe (the admin page lists them).
 */
export const EVENT_TYPES = [
  "payment.matched",
  "payment.unmatched",
  "reader.claim",
  "notifier.offline",
  "notifier.online",
  "notifier.silent",
  "notification.unreadable",
  "reconcile.difference",
  "merchant.notify_failed",
  "backup.failed",
  "feed.rotated",
  "account.suspect",
  "account.paused",
  "account.ceiling",
  "reader.problem",
  "reader.request",
  "standby.active",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_LABEL: Record<EventType, string> = {
  "payment.matched": "收到一笔付款（已解锁）",
  "payment.unmatched": "收到无法匹配订单的钱",
  "reader.claim": "读者报告已付款",
  "notifier.offline": "通知手机离线",
  "notifier.online": "通知手机恢复在线",
  "notifier.silent": "手机在线但长时间没有转发收款通知",
  "notification.unreadable": "收款通知读不出金额（应用可能改了文字）",
  "reconcile.difference": "对账发现差异",
  "merchant.notify_failed": "网关商户没有收到付款通知（将自动重试）",
  "backup.failed": "备份失败或超过一天没有成功备份",
  "feed.rotated": "读者的私人订阅地址被很多网络访问，已自动更换",
  "account.suspect": "收款账户可疑（订单连续未付款等）",
  "account.paused": "收款账户已暂停（读者报告无法付款等）",
  "account.ceiling": "收款账户接近或达到每日上限",
  "reader.problem": "读者报告付不了款",
  "reader.request": "读者申请退款或反馈问题",
  "standby.active": "备用手机接管了收款确认",
};

/** What each event carries. Amounts are integer cents; times are ISO strings. */
export interface EventData {
  "payment.matched": {
    paymentId: string;
    orderId: string;
    channel: string;
    amountCents: number;
    late: boolean;
    /** What was sold (lib/targets.ts kinds: article, series, pass, tip, merchant). */
    kind?: string;
    article: { slug: string; title: string } | null;
    /** 《标题》, 专栏《标题》, 全站通「名称」, or a gateway order's name with its merchant. */
    item?: string | null;
  };
  "payment.unmatched": {
    paymentId: string;
    channel: string;
    amountCents: number;
    suspectedDuplicateOf: string | null;
    /** Reported by a phone that speaks for no account of this channel (lib/payments/unowned.ts). */
    unowned?: boolean;
  };
  /** A reader says they paid but the page did not unlock (issue 11's 「我已付款」). */
  "reader.claim": {
    /** The claim in the owner's payments inbox. */
    claimId?: string;
    /** The reader's order it is about, when one was found. */
    orderId: string | null;
    channel: string;
    amountCents: number;
    article?: { slug: string; title: string } | null;
    message?: string;
  };
  "notifier.offline": { deviceId: string; name: string; lastSeenAt: string | null };
  "notifier.online": { deviceId: string; name: string; offlineSince: string | null };
  "notifier.silent": { deviceId: string; name: string; lastPaymentNotificationAt: string; usualGapSeconds: number; unpaidOrders: number };
  "notification.unreadable": {
    notificationId: string;
    package: string | null;
    title: string | null;
    text: string | null;
    reason: string;
  };
  "reconcile.difference": {
    importId: string;
    channel: string;
    periodStart: string;
    periodEnd: string;
    settled: number;
    inbox: number;
    notInBill: number;
  };
  /** A gateway payment whose merchant did not acknowledge the notify (lib/gateway): raised once per failing spell. */
  "merchant.notify_failed": { tradeNo: string; merchant: string; outTradeNo: string; amountCents: number; response: string };
  /** A receiving account turned 可疑 or 已暂停 (lib/accounts/health.ts): `evidence` is the HealthEvidence, `summary` its sentence. */
  "account.suspect": AccountHealthEvent;
  "account.paused": AccountHealthEvent;
  /** An order made an account cross 80% (or 100%) of a daily ceiling (lib/accounts/ceilings.ts). */
  "account.ceiling": {
    accountId: string;
    account: string;
    channel: string;
    /** China day, "2026-12-04". */
    day: string;
    limit: "perDayCount" | "perDayCents" | "perDaySameAmount";
    /** The ceiling's name as the owner sees it (每日笔数 …). */
    limitLabel: string;
    percent: number;
    used: number;
    max: number;
  };
  /** 付不了？ (lib/orders/problem.ts): what the reader's wallet said, and what the report did. */
  "reader.problem": {
    problemId: string;
    orderId: string;
    accountId: string | null;
    account: string | null;
    channel: string;
    amountCents: number;
    kind: string;
    /** What the reader picked, in their words (收款方存在违规行为 …). */
    kindLabel: string;
    text: string | null;
    /** "paused" | "full_today" | "suspect" | "recorded" */
    effect: string;
    note: string | null;
  };
  /** 申请退款 / 有问题 (lib/requests): due by the response time the owner promised. */
  "reader.request": {
    requestId: string;
    orderId: string;
    kind: string;
    /** 申请退款 / 有问题 */
    kindLabel: string;
    amountCents: number;
    item: string | null;
    message: string;
    contact: string | null;
    dueAt: string;
  };
  /** The standby phone's report settled a payment (lib/payments/standby.ts): at most once per account per half hour. */
  "standby.active": {
    accountId: string;
    account: string;
    device: string | null;
    /** "primary_offline" (no primary phone online) | "primary_silent" (online, but it did not report within the wait) */
    reason: string;
    amountCents: number;
    orderId: string | null;
  };
  /** A backup run failed ("failed", with the error), or none succeeded for over a day ("overdue"). */
  "backup.failed": {
    reason: "failed" | "overdue";
    trigger: string | null;
    error: string | null;
    lastSuccessAt: string | null;
    host: string;
  };
  /** A private feed URL fetched from too many networks (a public aggregator, a shared link): replaced (lib/feeds/guard.ts). */
  "feed.rotated": {
    readerId: string;
    /** 「读者 XXXXXX」, as the leak tracer shows it. */
    label: string;
    /** The rule that fired: networks in the last hour / day, or subscribers a feed service reported. */
    reason: "networks_hour" | "networks_day" | "subscribers";
    networksLastHour: number;
    networksLastDay: number;
    subscribers: number | null;
    /** A browser restored through a restore link held this URL. */
    restoredBrowser: boolean;
  };
}

export interface AccountHealthEvent {
  accountId: string;
  account: string;
  channel: string;
  summary: string;
  evidence: unknown;
}

/** An event as queued and as a webhook receives it (Standard Webhooks body: type, timestamp, data). */
export interface AlertEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  timestamp: string;
  data: EventData[T];
}

export const eventTypesSchema = /* @__PURE__ */ z
  .array(z.enum(EVENT_TYPES, { error: `事件只能是 ${EVENT_TYPES.join("、")} 之一` }))
  .min(1, "至少选择一个事件")
  .transform((list) => [...new Set(list)]);
