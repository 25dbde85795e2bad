import type { ParseResult } from "./parse";
import { ignored, MM, parsesAsListed, wechat, WEWORK, type ParseCase } from "../../tests/support/parse-cases";

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
const businessCards = (pkg: string): ParseCase[] =>
  WECHAT_BUSINESS.map(([name, title, content, expected]) => [name, { package: pkg, title, content }, expected]);

const WECHAT_CASES: ParseCase[] = [
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

parsesAsListed("parseNotification: WeChat", WECHAT_CASES);
