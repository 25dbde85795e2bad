import { ALIPAY, alipay, ignored, parsesAsListed, type ParseCase } from "../../tests/support/parse-cases";

const ALIPAY_CASES: ParseCase[] = [
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

parsesAsListed("parseNotification: Alipay", ALIPAY_CASES);
