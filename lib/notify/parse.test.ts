import { describe, expect, it } from "vitest";
import { parseNotification, type NotificationText, type ParseResult } from "./parse";

const MM = "com.tencent.mm";
const WEWORK = "com.tencent.wework";
const ALIPAY = "com.eg.android.AlipayGphone";

const wechat = (amountCents: number): ParseResult => ({ channel: "wechat", amountCents });
const alipay = (amountCents: number): ParseResult => ({ channel: "alipay", amountCents });
const ignored = (reason: string): ParseResult => ({ ignored: reason });

type Case = [name: string, input: NotificationText, expected: ParseResult];

/**
 * WeChat's 个人经营收款码 card (tests/fixtures/notifications.jsonl has the sources): the card text with its time,
 * as [name, title, content, expected] rows.
 */
const WECHAT_BUSINESS: [string, string, string, ParseResult][] = [
  ["reads the 经营收款 card whose time has colons", "微信收款助手", "经营码收款到账通知\n07月21日 22:33\n收款金额\n¥18.88", wechat(1888)],
  [
    "reads a stacked 经营收款 card after its account speaker",
    "微信支付",
    "[2条]微信支付: 经营码收款到账通知 07月21日 22:33 收款金额¥5.00",
    wechat(500),
  ],
  [
    "keeps a chat speaker quoting a 经营收款 card a chat",
    "微信收款助手",
    "张三: 经营码收款到账通知 收款金额¥500.00",
    ignored("chat_message"),
  ],
  ["records the 经营收款 card title without an amount as unreadable", "微信支付", "经营收款到账通知", ignored("unreadable_receipt")],
];
const businessCards = (pkg: string): Case[] =>
  WECHAT_BUSINESS.map(([name, title, content, expected]) => [name, { package: pkg, title, content }, expected]);

const WECHAT_CASES: Case[] = [
  [
    "reads the amount before a (新顾客到店) suffix",
    { package: MM, title: "微信支付", content: "微信支付收款0.80元(新顾客到店)" },
    wechat(80),
  ],
  ["tolerates a full-width （朋友到店） suffix", { package: MM, title: "微信支付", content: "微信支付收款0.80元（朋友到店）" }, wechat(80)],
  [
    "tolerates nested brackets (老顾客到店[朋友])",
    { package: MM, title: "微信支付", content: "微信支付收款2.00元(老顾客到店[朋友])" },
    wechat(200),
  ],
  [
    "ignores the count in (老顾客第4次消费) and reads 1.50",
    { package: MM, title: "微信支付", content: "微信支付收款1.50元(老顾客第4次消费)" },
    wechat(150),
  ],
  ["accepts an integer amount", { package: MM, title: "微信支付", content: "微信支付收款3元(新顾客消费)" }, wechat(300)],
  ["accepts thousands separators", { package: MM, title: "微信支付", content: "微信支付收款1,430.00元(朋友到店)" }, wechat(143000)],
  [
    "accepts [N条] with a full-width colon and ￥",
    { package: MM, title: "微信支付", content: "[3条]微信支付：个人收款码到账￥5.00" },
    wechat(500),
  ],
  ["accepts full-width ［N条］ brackets", { package: MM, title: "微信支付", content: "［2条］微信支付: 微信支付收款0.80元" }, wechat(80)],
  ["accepts ¥ with thousands separators and no 元", { package: MM, title: "微信支付", content: "个人收款码到账¥1,430.00" }, wechat(143000)],
  ["accepts ¥X followed by a full-width comma", { package: MM, title: "微信支付", content: "个人收款码到账￥5.00，点击查看" }, wechat(500)],
  ["accepts ¥ followed by 元", { package: MM, title: "微信支付", content: "个人收款码到账¥5.00元" }, wechat(500)],
  ["accepts full-width digits", { package: MM, title: "微信支付", content: "微信支付收款０.８０元" }, wechat(80)],
  ["accepts spaces around the amount", { package: MM, title: "微信支付", content: "微信支付收款 0.80 元" }, wechat(80)],
  ["drops zero-width characters inside a phrase", { package: MM, title: "微信支付", content: "微信支付收\u200b款0.80元" }, wechat(80)],
  ["reads 收款单到账", { package: MM, title: "微信支付", content: "收款单到账12.50元" }, wechat(1250)],
  ["reads 二维码赞赏到账", { package: MM, title: "微信支付", content: "二维码赞赏到账6元" }, wechat(600)],
  ["reads 赞赏到账", { package: MM, title: "微信支付", content: "赞赏到账2.00元" }, wechat(200)],
  ["reads 收款到账 with a 第2笔 suffix", { package: MM, title: "微信收款助手", content: "收款到账2元(第2笔)" }, wechat(200)],
  ["reads 商业版 收款X元", { package: MM, title: "微信收款商业版", content: "收款3元" }, wechat(300)],
  [
    "reads a stacked 商业版 notification",
    { package: MM, title: "微信收款商业版", content: "[2条]微信收款商业版: 收款3.00元" },
    wechat(300),
  ],
  ["reads the 8.0.50 title 微信 with a 微信支付 body", { package: MM, title: "微信", content: "微信支付收款1.00元" }, wechat(100)],
  [
    "reads the 8.0.50 title 微信 with a stacked 微信支付 sender",
    { package: MM, title: "微信", content: "[2条]微信支付: 个人收款码到账¥2.00" },
    wechat(200),
  ],
  [
    "rejects the 8.0.50 title 微信 when the body does not name 微信支付",
    { package: MM, title: "微信", content: "收款到账1.00元" },
    ignored("not_a_receipt"),
  ],
  [
    "rejects the 8.0.50 title 微信 with a contact as sender",
    { package: MM, title: "微信", content: "张三: 收款1元" },
    ignored("chat_message"),
  ],
  ["accepts a missing title when the text is a receipt", { package: MM, content: "微信支付收款0.80元" }, wechat(80)],
  [
    "maps the WeCom package to the wechat channel",
    { package: WEWORK, title: "微信支付", content: "微信支付收款0.80元(朋友到店)" },
    wechat(80),
  ],
  ["accepts the WeCom app title", { package: WEWORK, title: "企业微信", content: "收款到账1.00元" }, wechat(100)],
  ["rejects a WeCom chat title", { package: WEWORK, title: "李四", content: "收款到账1.00元" }, ignored("unknown_title")],
  [
    "rejects a group chat preview under title 微信支付 (sender is not 微信支付)",
    { package: MM, title: "微信支付", content: "张三: 你好 收款1元?" },
    ignored("chat_message"),
  ],
  [
    "rejects a stacked group preview whose member sends a receipt text",
    { package: MM, title: "微信支付", content: "[2条]张三: 微信支付收款100.00元" },
    ignored("chat_message"),
  ],
  [
    "rejects a sender that differs from the title",
    { package: MM, title: "微信收款助手", content: "[2条]微信支付: 收款到账1元" },
    ignored("chat_message"),
  ],
  [
    "alerts on receipt wording without an anchored amount under the account's title",
    { package: MM, title: "微信支付", content: "你好 收款1元?" },
    ignored("unreadable_receipt"),
  ],
  [
    "rejects a chat title even with a receipt-shaped text",
    { package: MM, title: "张三", content: "微信支付收款100.00元" },
    ignored("unknown_title"),
  ],
  [
    "reports 收款到账通知 (no amount) as unreadable_receipt",
    { package: MM, title: "微信支付", content: "收款到账通知" },
    ignored("unreadable_receipt"),
  ],
  [
    "requires a currency marker next to the amount",
    { package: MM, title: "微信支付", content: "收款到账5" },
    ignored("unreadable_receipt"),
  ],
  [
    "rejects a malformed thousands group",
    { package: MM, title: "微信支付", content: "个人收款码到账¥1,43" },
    ignored("unreadable_receipt"),
  ],
  [
    "rejects three decimals instead of truncating",
    { package: MM, title: "微信支付", content: "微信支付收款1.001元" },
    ignored("unreadable_receipt"),
  ],
  ["rejects a zero amount", { package: MM, title: "微信支付", content: "微信支付收款0.00元" }, ignored("zero_amount")],
  [
    "rejects an amount above 1,000,000 yuan",
    { package: MM, title: "微信支付", content: "微信支付收款1000000.01元" },
    ignored("absurd_amount"),
  ],
  ["accepts exactly 1,000,000 yuan", { package: MM, title: "微信支付", content: "微信支付收款1,000,000.00元" }, wechat(100000000)],
  [
    "reports a 红包 promotion from the payment account",
    { package: MM, title: "微信支付", content: "领取5元红包，满10元可用" },
    ignored("promotion"),
  ],
  ["reports a percentage promotion", { package: MM, title: "微信支付", content: "支付立减50%，最高8.88元" }, ignored("promotion")],
  [
    "does not read Alipay scan-pay text under the WeChat package (flags it instead)",
    { package: MM, title: "微信支付", content: "张三通过扫码向你付款1元" },
    ignored("unreadable_receipt"),
  ],
  [
    "reads 【N条】 brackets with a 微信收款助手 sender and a clerk tag",
    { package: MM, title: "微信收款助手", content: "【2条】微信收款助手：[店员消息]收款到账0.05元" },
    wechat(5),
  ],
  [
    "reads the first line of a big-text receipt and not later numbers",
    { package: MM, title: "微信支付", content: "微信支付收款0.80元(朋友到店)\n今日第3笔，累计12.00元" },
    wechat(80),
  ],
  [
    "does not take the last number of a message",
    { package: MM, title: "微信支付", content: "你有一笔收款 请查看 5.00元" },
    ignored("unreadable_receipt"),
  ],
  [
    "rejects an amount with no currency marker after 微信支付收款",
    { package: MM, title: "微信支付", content: "微信支付收款 100" },
    ignored("unreadable_receipt"),
  ],
  ["reports a title-only notification as not a receipt", { package: MM, title: "微信支付", content: null }, ignored("not_a_receipt")],
  ...businessCards(MM),
];

const ALIPAY_CASES: Case[] = [
  [
    "reads 支付宝成功收款 with an integer amount",
    { package: ALIPAY, title: "支付宝通知", content: "支付宝成功收款3元，点击查看。" },
    alipay(300),
  ],
  [
    "reads 成功收款 with thousands separators",
    { package: ALIPAY, title: "收钱码到账通知", content: "成功收款1,430.00元。享免费提现等更多专属服务，点击查看" },
    alipay(143000),
  ],
  ["reads 成功收款 under the 店员通 title", { package: ALIPAY, title: "店员通", content: "成功收款2.50元" }, alipay(250)],
  ["ignores a 第2笔 count after the amount", { package: ALIPAY, title: "收款通知", content: "成功收款1.00元(今日第2笔)" }, alipay(100)],
  ["tolerates a [N条] prefix", { package: ALIPAY, title: "收款通知", content: "[2条]成功收款0.30元" }, alipay(30)],
  [
    "reads the amount from the title when the text has none",
    { package: ALIPAY, title: "你已成功收款5.00元", content: "已转入余额 查看详情" },
    alipay(500),
  ],
  [
    "reads a title amount with thousands separators",
    { package: ALIPAY, title: "你已成功收款1,430.00元", content: "立即查看今日收款金额>>" },
    alipay(143000),
  ],
  [
    "does not read the body under a title that only starts like a receipt (a new format or a nickname)",
    { package: ALIPAY, title: "你已成功收款100.00元啦", content: "成功收款100.00元" },
    ignored("unreadable_receipt"),
  ],
  [
    "reports a receipt title without any amount as unreadable_receipt",
    { package: ALIPAY, title: "收款通知", content: "立即查看今日收款金额>>" },
    ignored("unreadable_receipt"),
  ],
  ["reads scan-pay from a numeric nickname", { package: ALIPAY, title: "收款通知", content: "123通过扫码向你付款0.50元" }, alipay(50)],
  [
    "reads only the amount after the LAST scan-pay phrase",
    { package: ALIPAY, title: "收款通知", content: "x通过扫码向你付款1000元通过扫码向你付款0.01元" },
    alipay(1),
  ],
  [
    "does not trust a 成功收款 phrase inside the nickname",
    { package: ALIPAY, title: "收款通知", content: "成功收款1000元通过扫码向你付款0.01元" },
    alipay(1),
  ],
  [
    "does not trust a WeChat phrase inside the nickname",
    { package: ALIPAY, title: "收款通知", content: "微信支付收款100元通过扫码向你付款0.02元" },
    alipay(2),
  ],
  [
    "accepts a scan-pay integer amount with trailing text",
    { package: ALIPAY, title: "收款通知", content: "张三通过扫码向你付款3元，点击查看" },
    alipay(300),
  ],
  [
    "reports scan-pay with nothing after the phrase as unreadable_receipt",
    { package: ALIPAY, title: "收款通知", content: "张三通过扫码向你付款" },
    ignored("unreadable_receipt"),
  ],
  [
    "reports scan-pay followed by a non-amount as unreadable_receipt",
    { package: ALIPAY, title: "收款通知", content: "张三通过扫码向你付款abc 5元" },
    ignored("unreadable_receipt"),
  ],
  [
    "ignores a transfer with 已成功向你转了 and an amount",
    { package: ALIPAY, title: "收款通知", content: "王五已成功向你转了100.00元" },
    ignored("transfer"),
  ],
  ["ignores a transfer 向你转了1笔钱", { package: ALIPAY, title: "支付宝通知", content: "张三向你转了1笔钱" }, ignored("transfer")],
  [
    "ignores a broadcast of the previous payment",
    { package: ALIPAY, title: "收款通知", content: "上一笔播报：成功收款0.01元" },
    ignored("previous_payment_broadcast"),
  ],
  [
    "reports marketing text with numbers and % as promotion",
    { package: ALIPAY, title: "支付宝通知", content: "收钱码商家专享：提现费率立减50%，最高返现8.88元" },
    ignored("promotion"),
  ],
  [
    "does not let a nickname containing 向你转账 hide a scan payment",
    { package: ALIPAY, title: "收款通知", content: "向你转账通过扫码向你付款0.02元" },
    alipay(2),
  ],
  [
    "does not let a nickname containing 上一笔播报 hide a scan payment",
    { package: ALIPAY, title: "收款通知", content: "上一笔播报通过扫码向你付款0.03元" },
    alipay(3),
  ],
  [
    "still ignores a transfer named in the title",
    { package: ALIPAY, title: "转账到账", content: "张三向你转账1.00元" },
    ignored("transfer"),
  ],
  [
    "accepts a full-width colon and ￥ after the scan-pay phrase",
    { package: ALIPAY, title: "收款通知", content: "张三通过扫码向你付款：￥2.50" },
    alipay(250),
  ],
  ["reads 你已成功收款 in the text", { package: ALIPAY, title: "支付宝通知", content: "你已成功收款12元" }, alipay(1200)],
  ["rejects an Alipay chat from a contact", { package: ALIPAY, title: "张三", content: "成功收款100元" }, ignored("unknown_title")],
  [
    "does not read WeChat shapes under the Alipay package",
    { package: ALIPAY, title: "收款通知", content: "微信支付收款1.00元" },
    ignored("unreadable_receipt"),
  ],
  // 个人经营收款码 pushes (sources in tests/fixtures/notifications.jsonl).
  ["reads 支付宝商家服务 收款金额￥X", { package: ALIPAY, title: "支付宝商家服务", content: "收款金额￥11.00" }, alipay(1100)],
  ["reads 商家服务·收款到账", { package: ALIPAY, title: "商家服务·收款到账", content: "收款金额￥500.00" }, alipay(50000)],
  [
    "does not read a 支付宝商家服务 month summary as a payment",
    { package: ALIPAY, title: "支付宝商家服务", content: "¥1000.00" },
    ignored("not_a_receipt"),
  ],
];

const GUARD_CASES: Case[] = [
  [
    "ignores an unknown package even with a perfect WeChat text",
    { package: "com.evil.fake", title: "微信支付", content: "微信支付收款0.80元(朋友到店)" },
    ignored("unknown_package"),
  ],
  [
    "ignores the forwarder's own notifications",
    { package: "cn.ppps.forwarder", title: "收款通知", content: "成功收款1.00元" },
    ignored("unknown_package"),
  ],
  [
    "compares package names case-sensitively",
    { package: "com.Tencent.mm", title: "微信支付", content: "微信支付收款0.80元" },
    ignored("unknown_package"),
  ],
  ["ignores an empty notification", {}, ignored("empty")],
  ["ignores null and whitespace-only fields", { package: MM, title: "  ", content: null }, ignored("empty")],
  ["without a package, picks wechat from the title", { title: "微信支付", content: "微信支付收款0.80元" }, wechat(80)],
  ["without a package or title, picks wechat from a stacked text", { content: "[2条]微信支付: 微信支付收款0.80元" }, wechat(80)],
  ["without a package, picks alipay from the title", { title: "收钱码到账通知", content: "成功收款0.01元" }, alipay(1)],
  [
    "without a package, picks alipay from scan-pay text even if the nickname says 微信",
    { content: "微信通过扫码向你付款0.05元" },
    alipay(5),
  ],
  ["without a package, ignores text with no app keyword", { title: "Hello", content: "收款1元" }, ignored("unknown_channel")],
];

describe("parseNotification: WeChat", () => {
  it.each(WECHAT_CASES)("%s", (_name, input, expected) => {
    expect(parseNotification(input)).toEqual(expected);
  });
});

describe("parseNotification: Alipay", () => {
  it.each(ALIPAY_CASES)("%s", (_name, input, expected) => {
    expect(parseNotification(input)).toEqual(expected);
  });
});

describe("parseNotification: package and channel guards", () => {
  it.each(GUARD_CASES)("%s", (_name, input, expected) => {
    expect(parseNotification(input)).toEqual(expected);
  });
});
