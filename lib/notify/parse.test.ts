import { alipay, ignored, MM, parsesAsListed, wechat, type ParseCase } from "../../tests/support/parse-cases";

const GUARD_CASES: ParseCase[] = [
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

parsesAsListed("parseNotification: package and channel guards", GUARD_CASES);
