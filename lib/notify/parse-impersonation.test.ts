// Chats that pose as the payment account (issue 9 part 7; docs/connect-phone.md §5). Today's
// title-only checks let the group cases through; the structure of a chat preview stops them.
import { describe, expect, it } from "vitest";
import { parseNotification, type NotificationText, type ParseResult } from "./parse";

const MM = "com.tencent.mm";
const ALIPAY = "com.eg.android.AlipayGphone";
const RECEIPT = "微信支付收款100.00元(朋友到店)";

type Case = [name: string, input: NotificationText, expected: ParseResult];

const REFUSED: Case[] = [
  [
    "a group renamed 微信支付 whose member took the group nickname 微信支付 (one message)",
    { package: MM, title: "微信支付", content: `微信支付: ${RECEIPT}` },
    { ignored: "chat_message" },
  ],
  [
    "a group renamed 微信收款助手 with a member nicknamed 微信收款助手",
    { package: MM, title: "微信收款助手", content: "微信收款助手: [店员消息]收款到账100.00元" },
    { ignored: "chat_message" },
  ],
  [
    "a group renamed 微信支付, ordinary member",
    { package: MM, title: "微信支付", content: `张三: ${RECEIPT}` },
    { ignored: "chat_message" },
  ],
  [
    "a group renamed 微信支付, stacked, speaker not the account",
    { package: MM, title: "微信支付", content: `[3条]张三: ${RECEIPT}` },
    { ignored: "chat_message" },
  ],
  [
    "a group that @-mentions the owner",
    { package: MM, title: "微信支付", content: `[有人@我]微信支付: ${RECEIPT}` },
    { ignored: "chat_message" },
  ],
  ["a contact named 微信支付 sending a transfer", { package: MM, title: "微信支付", content: "[转账]请收款" }, { ignored: "chat_message" }],
  ["a contact named 微信支付 sending a link", { package: MM, title: "微信支付", content: `[链接]${RECEIPT}` }, { ignored: "chat_message" }],
  ["a WeChat group or contact renamed 收款通知", { package: MM, title: "收款通知", content: RECEIPT }, { ignored: "unknown_title" }],
  [
    "a speaker other than an account under the app-name title 微信",
    { package: MM, title: "微信", content: `张三: ${RECEIPT}` },
    { ignored: "chat_message" },
  ],
  [
    "an Alipay group renamed 收款通知 with a speaker",
    { package: ALIPAY, title: "收款通知", content: "张三: 成功收款100.00元" },
    { ignored: "chat_message" },
  ],
  ["an Alipay contact named 收款", { package: ALIPAY, title: "收款", content: "成功收款100.00元" }, { ignored: "unknown_title" }],
  [
    "an Alipay nickname that starts like the business-code title",
    { package: ALIPAY, title: "你已成功收款100.00元啦", content: "成功收款100.00元" },
    { ignored: "unreadable_receipt" },
  ],
];

const ACCEPTED: Case[] = [
  ["the account's own single message", { package: MM, title: "微信支付", content: RECEIPT }, { channel: "wechat", amountCents: 10000 }],
  [
    "the account's stacked message",
    { package: MM, title: "微信支付", content: `[2条]微信支付: ${RECEIPT}` },
    { channel: "wechat", amountCents: 10000 },
  ],
  [
    "ticker text (no title) naming the account",
    { package: MM, title: "", content: `微信支付: ${RECEIPT}` },
    { channel: "wechat", amountCents: 10000 },
  ],
  [
    "the app-name title 微信 naming the account",
    { package: MM, title: "微信", content: `微信支付: ${RECEIPT}` },
    { channel: "wechat", amountCents: 10000 },
  ],
];

describe("parseNotification: impersonation", () => {
  it.each(REFUSED)("refuses %s", (_name, input, expected) => expect(parseNotification(input)).toEqual(expected));
  it.each(ACCEPTED)("still reads %s", (_name, input, expected) => expect(parseNotification(input)).toEqual(expected));

  // What the notification alone cannot tell apart (documented as residual risk): a contact whose
  // name is exactly the account's, sending exactly a receipt text; a group so named whose member
  // uses that group nickname, once two messages stack; the same under the app-name title 微信.
  it.each<[string, NotificationText]>([
    ["a one-to-one chat from a contact named 微信支付", { package: MM, title: "微信支付", content: RECEIPT }],
    [
      "a stacked group preview whose speaker uses the nickname 微信支付",
      { package: MM, title: "微信支付", content: `[2条]微信支付: ${RECEIPT}` },
    ],
    ["a group renamed 微信 whose member is nicknamed 微信支付", { package: MM, title: "微信", content: `微信支付: ${RECEIPT}` }],
    ["an Alipay friend nicknamed 收款通知", { package: ALIPAY, title: "收款通知", content: "成功收款100.00元" }],
  ])("cannot refuse %s (residual risk)", (_name, input) => {
    expect(parseNotification(input)).toHaveProperty("amountCents");
  });
});
