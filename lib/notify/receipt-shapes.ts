// The vocabulary of payment notifications: which app posts them, under which titles, in which
// phrases. Facts and sources: docs/notifications.md §1; every shape has a line in
// tests/fixtures/notifications.jsonl. Pure data for parse.ts.

// "wework" keeps its own title table but reports as the WeChat channel (same payment rails).
export type Source = "wechat" | "wework" | "alipay";
export const PACKAGES: Record<string, Source> = {
  "com.tencent.mm": "wechat",
  "com.tencent.wework": "wework",
  "com.eg.android.AlipayGphone": "alipay",
};

/**
 * WeChat accounts that post receipts. A notification's title is the conversation's name, and a
 * chat's title is whatever a contact or group calls itself — so these titles are necessary, not
 * sufficient (see parse.ts for the structure that tells a chat apart, and its limits).
 */
export const WECHAT_ACCOUNTS = new Set(["微信支付", "微信收款助手", "微信收款商业版", "微信支付商家助手"]);
/** App-name titles: the speaker is then named in the text ("微信支付: …"). 微信 since WeChat 8.0.50. */
export const WECHAT_GENERIC = new Set(["微信"]);
export const WECHAT_TITLES = new Set([...WECHAT_ACCOUNTS, ...WECHAT_GENERIC]);
// WeCom (企业微信) external collection: titles seen only in forks' keyword checks (no literal sample).
export const WEWORK_GENERIC = new Set(["企业微信", "对外收款"]);
export const WEWORK_TITLES = new Set([...WECHAT_TITLES, ...WEWORK_GENERIC]);
// 支付宝商家服务 / 商家服务·收款到账: the 个人经营收款码 (business code) pushes; 支付宝商家服务 also posts
// summaries (a bare "¥1000.00" for the month), so only its 收款金额 text is a receipt.
export const ALIPAY_TITLES = new Set([
  "收钱码到账通知",
  "收款通知",
  "支付宝通知",
  "支付宝",
  "店员通",
  "收钱码",
  "支付宝商家服务",
  "商家服务·收款到账",
]);

/** Titles used for receipts only (not also for outgoing payments, reports or promotions). */
export const RECEIPT_TITLES = new Set([
  "微信收款助手",
  "微信收款商业版",
  "微信支付商家助手",
  "对外收款",
  "收钱码到账通知",
  "收款通知",
  "店员通",
  "收钱码",
  "商家服务·收款到账",
]);

// Amount token. Grouped thousands first so "1,430.00" is not read as "1". Decimals are left
// unbounded here so "1.001元" is refused as unreadable instead of being truncated to 1.00.
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
// Needs a currency marker: "¥X" (元 optional) or "X元". The lookahead stops "¥1,43" reading as 1.
const AMOUNT = String.raw`(?:¥\s*(${NUM})(?![\d.]|,\d)|(${NUM})\s*元)`;
const SEP = String.raw`\s*:?\s*`;

const anchored = (phrases: string[]) => new RegExp(`^(?:${phrases.join("|")})${SEP}${AMOUNT}`);

// Bodies (after [N条], the speaker and [店员消息] are stripped) must START with one of these.
const WECHAT_PHRASES = ["微信支付收款", "微信收款", "个人收款码到账", "收款单到账", "(?:二维码)?赞赏到账", "收款到账", "收款"];
export const WECHAT_RECEIPT = anchored(WECHAT_PHRASES);
export const WEWORK_RECEIPT = anchored([...WECHAT_PHRASES, "成功收款"]);
export const ALIPAY_RECEIPT = anchored(["你已成功收款", "支付宝成功收款", "成功收款", "收款金额"]);
// WeChat's 个人经营收款码 card: "经营码收款到账通知\n07月21日 22:33\n收款金额\n¥18.88". Its time has colons,
// which would read as a chat speaker, so parse.ts tries this shape before looking for one.
export const WECHAT_BUSINESS_RECEIPT = new RegExp(
  `^经营码?收款到账通知\\s*(?:\\d{1,2}月\\d{1,2}日\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*收款金额${SEP}${AMOUNT}`,
);
// Alipay's business code (经营码) puts the amount in the title: "你已成功收款0.01元（老顾客消费）".
// The title must be exactly that: anything more is a nickname.
export const ALIPAY_TITLE_START = /^(?:你已)?成功收款/;
export const ALIPAY_TITLE_RECEIPT = new RegExp(`^(?:你已)?成功收款${SEP}${AMOUNT}(?:\\([^()]{1,20}\\))?$`);
export const SCAN_PHRASE = "通过扫码向你付款";
export const AMOUNT_AT_START = new RegExp(`^${SEP}${AMOUNT}`);

export const COUNT_PREFIX = /^[[【]\d+\+?条[\]】]\s*/;
export const CLERK_TAG = /^[[【]店员消息[\]】]\s*/;
// "Name: message". Receipt bodies contain no colon (payer remarks are not shown), so the first
// colon within a short prefix separates the speaker.
export const SENDER_PREFIX = /^([^:\n]{1,40}):\s*/;
// What only chats show: mentions, drafts, and message types other than text.
export const CHAT_MARKER =
  /^\[(?:有人@我|@所有人|草稿|链接|图片|语音|视频|文件|位置|名片|表情|动画表情|小程序|聊天记录|音乐|视频号|转账|红包|微信红包|语音通话|视频通话)\]/;

export const TRANSFER = /已成功向你转了|向你转了\s*\d*\s*笔钱|向你转账/;
export const PREVIOUS_BROADCAST = "上一笔播报";
export const PROMOTION = /%|优惠|红包|活动|立减|返现|抽奖|领取|福利|免费|奖励|券|\d+(?:\.\d+)?折/;
/** Money going out (or back): never a receipt, whatever the amount. */
export const OUTGOING = /已支付|已扣费|已转账|支出|退款|还款|付款成功|支付成功/;
/** Receipt wording: with no readable amount, the app may have changed its text (unreadable_receipt). */
export const RECEIPT_WORDS = /收款|到账|收钱|向你付款/;
