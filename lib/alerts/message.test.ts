import { describe, expect, it } from "vitest";
import { describeEvent } from "@/lib/alerts/message";
import { EVENT_TYPES, type AlertEvent } from "@/lib/alerts/events";

const at = "2026-11-27T02:00:00.000Z";

describe("alert texts", () => {
  it("names the amount, the channel and the article of a sale", () => {
    const m = describeEvent({
      id: "evt_1",
      type: "payment.matched",
      timestamp: at,
      data: { paymentId: "p", orderId: "o1", channel: "wechat", amountCents: 99, late: false, article: { slug: "a", title: "好文章" } },
    });
    expect(m.title).toBe("【付费阅读】收到 ¥0.99（微信）");
    expect(m.text).toContain("《好文章》");
  });

  it("names what was sold: a series, a pass, a tip, a gateway order", () => {
    const base = { paymentId: "p", orderId: "o1", channel: "alipay", amountCents: 990, late: false, article: null };
    const text = (data: object) => describeEvent({ id: "e", type: "payment.matched", timestamp: at, data: { ...base, ...data } }).text;
    expect(text({ kind: "series", item: "专栏《小专栏》" })).toContain("专栏《小专栏》已售出");
    expect(text({ kind: "pass", item: "全站通「月卡」" })).toContain("全站通「月卡」已售出");
    expect(text({ kind: "tip", article: { slug: "a", title: "好文章" }, item: "《好文章》" })).toContain("《好文章》收到赞赏");
    expect(text({ kind: "merchant", item: "「会员」（商户 小店）" })).toContain("网关订单「会员」（商户 小店）已付款");
  });

  it("shows the raw text of an unreadable receipt so a new format can be fixed", () => {
    const m = describeEvent({
      id: "evt_2",
      type: "notification.unreadable",
      timestamp: at,
      data: { notificationId: "n", package: "com.tencent.mm", title: "微信支付", text: "收款到账通知", reason: "unreadable_receipt" },
    });
    expect(m.text).toContain("微信支付 / 收款到账通知");
  });

  it("prints times as China time", () => {
    const m = describeEvent({
      id: "evt_3",
      type: "notifier.offline",
      timestamp: at,
      data: { deviceId: "d", name: "备用机", lastSeenAt: "2026-11-26T16:30:00.000Z" },
    });
    expect(m.text).toContain("2026-11-27 00:30:00（北京时间）");
  });

  it("says what a ceiling alert measured, in money for the money ceiling", () => {
    const m = describeEvent({ id: "e", type: "account.ceiling", timestamp: at, data: SAMPLES["account.ceiling"] });
    expect(m.title).toBe("【付费阅读】小号微信今日已达上限的 80%（每日金额）");
    expect(m.text).toContain("每日金额 ¥400.00 / ¥500.00");
  });

  it("tells the owner when the standby phone took over and why", () => {
    const m = describeEvent({ id: "e", type: "standby.active", timestamp: at, data: SAMPLES["standby.active"] });
    expect(m.text).toContain("主手机在线但没有及时转发");
    expect(m.text).toContain("备用手机「旧手机」");
  });

  it("still shows an event whose data it cannot read, raw", () => {
    const m = describeEvent({ id: "e", type: "payment.matched", timestamp: at, data: {} } as AlertEvent);
    expect(m).toEqual({ title: "【付费阅读】payment.matched", text: "{}" });
  });

  it("has a Chinese text for every event type, each starting with the keyword a DingTalk robot can require", () => {
    for (const type of EVENT_TYPES) {
      const sample = { id: "e", type, timestamp: at, data: SAMPLES[type] } as AlertEvent;
      const m = describeEvent(sample);
      expect(m.title.startsWith("【付费阅读】")).toBe(true);
      expect(m.text.length).toBeGreaterThan(10);
    }
  });
});

const SAMPLES = {
  "feed.rotated": {
    readerId: "r123456789012345678",
    label: "读者 K7M2QX",
    reason: "networks_hour",
    networksLastHour: 9,
    networksLastDay: 9,
    subscribers: null,
    restoredBrowser: false,
  },
  "merchant.notify_failed": {
    tradeNo: "2026112713302112345",
    merchant: "发卡网",
    outTradeNo: "A1",
    amountCents: 990,
    response: "HTTP 503",
  },
  "payment.matched": { paymentId: "p", orderId: "o", channel: "alipay", amountCents: 100, late: true, article: null },
  "payment.unmatched": { paymentId: "p", channel: "alipay", amountCents: 100, suspectedDuplicateOf: "x" },
  "reader.claim": { orderId: "o", channel: "wechat", amountCents: 100 },
  "notifier.offline": { deviceId: "d", name: "n", lastSeenAt: null },
  "notifier.online": { deviceId: "d", name: "n", offlineSince: at },
  "notifier.silent": { deviceId: "d", name: "n", lastPaymentNotificationAt: at, usualGapSeconds: 3600, unpaidOrders: 2 },
  "notification.unreadable": { notificationId: "n", package: null, title: null, text: null, reason: "no_amount" },
  "reconcile.difference": { importId: "i", channel: "wechat", periodStart: at, periodEnd: at, settled: 1, inbox: 2, notInBill: 3 },
  "backup.failed": { reason: "failed", trigger: "daily", error: "disk full", lastSuccessAt: null, host: "vps" },
  "account.suspect": { accountId: "a", account: "小号微信", channel: "wechat", summary: "最近 7 个订单都没有付款。", evidence: {} },
  "account.paused": { accountId: "a", account: "小号微信", channel: "wechat", summary: "读者报告：「收款方存在违规行为」。", evidence: {} },
  "account.ceiling": {
    accountId: "a",
    account: "小号微信",
    channel: "wechat",
    day: "2026-11-27",
    limit: "perDayCents" as const,
    limitLabel: "每日金额",
    percent: 80,
    used: 40000,
    max: 50000,
  },
  "reader.problem": {
    problemId: "p",
    orderId: "o",
    accountId: "a",
    account: "小号微信",
    channel: "wechat",
    amountCents: 99,
    kind: "restricted",
    kindLabel: "收款方存在违规行为",
    text: null,
    effect: "paused",
    note: null,
  },
  "reader.request": {
    requestId: "r",
    orderId: "o",
    kind: "refund",
    kindLabel: "申请退款",
    amountCents: 99,
    item: "《好文章》",
    message: "买错了",
    contact: null,
    dueAt: at,
  },
  "standby.active": { accountId: "a", account: "小号微信", device: "旧手机", reason: "primary_silent", amountCents: 99, orderId: "o" },
};
