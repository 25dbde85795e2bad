// Turns one forwarded Android notification (package, title, text) into "a new receipt of N cents on
// channel C" or "ignored, because …". Pure: no I/O; callers store every input with its result.
//
// Spec: docs/notifications.md §1–2. Recognised shapes (after normalisation, see `normalise`):
//
//  app      | title                                   | text (amount = X)
//  ---------+-----------------------------------------+---------------------------------------------
//  WeChat   | 微信支付 / 微信收款助手 / 微信收款商业版    | 微信支付收款X元(…)      any suffix: (朋友到店), (老顾客第4次消费) …
//           |   (com.tencent.mm; com.tencent.wework    | 个人收款码到账¥X        ¥ before, 元 optional
//           |    also accepts title 企业微信)          | [店员消息]收款到账X元
//           |                                         | 收款单到账X元 / 二维码赞赏到账X元 / 赞赏到账X元
//           |                                         | 收款X元                (商业版)
//           |                                         | [N条]<title>: <any of the above>   (stacked)
//           | 微信 (WeChat ≥ 8.0.50)                   | 微信支付收款X元… / [N条]微信支付: <any of the above>
//  Alipay   | 收钱码到账通知 / 收款通知 / 支付宝通知 /    | 成功收款X元。享免费提现…  / 支付宝成功收款X元，点击查看。
//           |   支付宝 / 店员通                        | 你已成功收款X元
//           |                                         | <nickname>通过扫码向你付款X元  (amount after the LAST phrase)
//           | 你已成功收款X元 (whole title; amount here)| 立即查看今日收款金额>> / 已转入余额 … (anything)
//
// X is `1`, `0.80`, `1,430.00`, with `¥`/`￥` before and/or `元` after (at least one of them).
// Tolerated everywhere: [N条] / 【N条】 prefixes, `:`/`：`, full-width brackets and digits.
//
// Ignore reasons (snake_case, stable: stored next to the raw notification):
//   empty                       no title and no text
//   unknown_package             package present but not WeChat/WeCom/Alipay (first anti-impersonation guard)
//   unknown_channel             no package and no WeChat/Alipay keyword in title or text
//   unknown_title               title present but not a payment title of that app: a chat, or another feature
//   chat_message                WeChat "Sender: message" preview whose sender is not the payment account
//   transfer                    已成功向你转了… / 向你转了1笔钱 / 向你转账 (not a receiving-code payment)
//   previous_payment_broadcast  上一笔播报 (re-announces a receipt we already saw)
//   promotion                   no receipt shape and looks like marketing (%, 优惠, 红包, 活动 …)
//   no_amount                   starts like a receipt (收款到账通知, …通过扫码向你付款) but no anchored amount
//   not_a_receipt               anything else
//   bad_amount / zero_amount / absurd_amount   anchored amount found but malformed (3+ decimals),
//                               0, or above 1,000,000 yuan
//
// Transfer / 上一笔播报 checks look only at app-controlled text (title, and the text after the last
// 通过扫码向你付款), so a payer nickname cannot hide its own payment.
//
// Amounts are read ONLY right after a known phrase at a known position (start of the text, or right
// after the last 通过扫码向你付款). Never "the last number": nicknames and 第4次 / 第2笔 broke that before.

import { yuanToCents } from "../money";
import type { Channel } from "../channels";

export type { Channel };
export interface NotificationText {
  package?: string | null;
  title?: string | null;
  content?: string | null;
}
export type ParseResult = { channel: Channel; amountCents: number } | { ignored: string };

/** 1,000,000 yuan: far above any article price; larger is a misread (and would overflow int4 on PostgreSQL). */
export const MAX_CENTS = 100_000_000;

// "wework" keeps its own title table but reports as the WeChat channel (same payment rails).
type Source = "wechat" | "wework" | "alipay";
const PACKAGES: Record<string, Source> = {
  "com.tencent.mm": "wechat",
  "com.tencent.wework": "wework",
  "com.eg.android.AlipayGphone": "alipay",
};

// Titles are set by the app itself; a chat notification carries the contact/group name instead.
const WECHAT_TITLES = new Set(["微信支付", "微信收款助手", "微信收款商业版", "微信"]);
// WeCom receipt titles are not documented in the spec; its own app name is the conservative extra.
const WEWORK_TITLES = new Set([...WECHAT_TITLES, "企业微信"]);
const WECHAT_SENDERS = new Set(["微信支付", "微信收款助手", "微信收款商业版"]);
const ALIPAY_TITLES = new Set(["收钱码到账通知", "收款通知", "支付宝通知", "支付宝", "店员通"]);

// Amount token. Grouped thousands first so "1,430.00" is not read as "1". Decimals are left
// unbounded here so "1.001元" is rejected as bad_amount instead of being truncated to 1.00.
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
// Needs a currency marker: "¥X" (元 optional) or "X元". The lookahead stops "¥1,43" reading as 1.
const AMOUNT = String.raw`(?:¥\s*(${NUM})(?![\d.]|,\d)|(${NUM})\s*元)`;
const SEP = String.raw`\s*:?\s*`;

function anchored(phrases: string[]): RegExp {
  return new RegExp(`^(?:${phrases.join("|")})${SEP}${AMOUNT}`);
}

// Bodies (after [N条], sender prefix and [店员消息] are stripped) must START with one of these.
const WECHAT_RECEIPT = anchored(["微信支付收款", "个人收款码到账", "收款单到账", "(?:二维码)?赞赏到账", "收款到账", "收款"]);
const ALIPAY_RECEIPT = anchored(["你已成功收款", "支付宝成功收款", "成功收款"]);
// A title carrying the amount must be exactly that and nothing more: a chat title is a nickname.
const ALIPAY_TITLE_RECEIPT = new RegExp(`^(?:你已)?成功收款${SEP}${AMOUNT}$`);
const SCAN_PHRASE = "通过扫码向你付款";
const AMOUNT_AT_START = new RegExp(`^${SEP}${AMOUNT}`);

const COUNT_PREFIX = /^[[【]\d+\+?条[\]】]\s*/;
const CLERK_TAG = /^[[【]店员消息[\]】]\s*/;
// "Name: message". Real receipt bodies contain no colon (payer remarks are not shown), so the
// first colon within a short prefix is the stacked-notification sender separator.
const SENDER_PREFIX = /^([^:\n]{1,40}):\s*/;

const TRANSFER = /已成功向你转了|向你转了\s*\d*\s*笔钱|向你转账/;
const PREVIOUS_BROADCAST = "上一笔播报";
const PROMOTION = /%|优惠|红包|活动|立减|返现|抽奖|领取|福利|免费|奖励|券|\d+(?:\.\d+)?折/;
// A body that starts like a receipt but had no usable amount (收款到账通知) is "no_amount";
// a receipt word in the middle of a sentence ("你好 收款1元?") is just "not_a_receipt".
const RECEIPT_START = /^(?:微信支付|支付宝|你已)?(?:成功)?(?:收款|个人收款码|收钱码|二维码赞赏|赞赏)/;

type Ignored = { ignored: string };
const ignore = (reason: string): Ignored => ({ ignored: reason });

export function parseNotification(input: NotificationText): ParseResult {
  const pkg = typeof input.package === "string" ? input.package.trim() : "";
  const title = normalise(input.title);
  const text = normalise(input.content);
  if (!title && !text) return ignore("empty");

  let source: Source | undefined;
  if (pkg) {
    source = PACKAGES[pkg];
    if (!source) return ignore("unknown_package");
  } else {
    source = sourceFromKeywords(title, text);
    if (!source) return ignore("unknown_channel");
  }

  // Checked before any amount: these texts carry real-looking amounts that are not new receipts.
  // Only app-controlled text counts: a scan-pay nickname ("上一笔播报通过扫码向你付款1元") does not.
  const both = `${title}\n${trustedPart(text)}`;
  if (TRANSFER.test(both)) return ignore("transfer");
  if (both.includes(PREVIOUS_BROADCAST)) return ignore("previous_payment_broadcast");

  return source === "alipay" ? parseAlipay(title, text) : parseWechat(source, title, text);
}

function parseWechat(source: "wechat" | "wework", title: string, text: string): ParseResult {
  const titles = source === "wework" ? WEWORK_TITLES : WECHAT_TITLES;
  if (title && !titles.has(title)) return ignore("unknown_title");

  let body = text.replace(COUNT_PREFIX, "");
  const sender = SENDER_PREFIX.exec(body);
  if (sender) {
    // A stacked chat preview repeats the chat name as sender: under title 微信支付 the real
    // account shows "微信支付: …", while a group chat named 微信支付 shows "张三: …".
    const name = sender[1].trim();
    const ok = title && WECHAT_SENDERS.has(title) ? name === title : WECHAT_SENDERS.has(name);
    if (!ok) return ignore("chat_message");
    body = body.slice(sender[0].length);
  } else if (title === "微信" && !body.startsWith("微信支付")) {
    // 8.0.50's generic title: only bodies that name 微信支付 themselves are receipts.
    return ignore("not_a_receipt");
  }
  body = body.replace(CLERK_TAG, "");

  const m = WECHAT_RECEIPT.exec(body);
  return m ? toResult("wechat", m) : unmatched(body);
}

function parseAlipay(title: string, text: string): ParseResult {
  if (title && !isAlipayTitle(title)) return ignore("unknown_title");
  const body = text.replace(COUNT_PREFIX, "");

  // Everything before the last phrase may be the payer's nickname, which the payer chooses
  // ("x通过扫码向你付款1000元"). Only the amount immediately after the last phrase is trusted.
  const at = body.lastIndexOf(SCAN_PHRASE);
  if (at >= 0) {
    const m = AMOUNT_AT_START.exec(body.slice(at + SCAN_PHRASE.length));
    return m ? toResult("alipay", m) : ignore("no_amount");
  }

  // Title first: it is app-controlled and sometimes the only place with the amount.
  const m = ALIPAY_TITLE_RECEIPT.exec(title) ?? ALIPAY_RECEIPT.exec(body);
  return m ? toResult("alipay", m) : unmatched(body);
}

function toResult(channel: Channel, m: RegExpExecArray): ParseResult {
  // Group 1 is the "¥X" form, group 2 the "X元" form; exactly one is set.
  const cents = yuanToCents(m[1] ?? m[2]);
  if (cents === null) return ignore("bad_amount");
  if (cents === 0) return ignore("zero_amount");
  if (cents > MAX_CENTS) return ignore("absurd_amount");
  return { channel, amountCents: cents };
}

function unmatched(s: string): Ignored {
  if (PROMOTION.test(s)) return ignore("promotion");
  if (RECEIPT_START.test(s)) return ignore("no_amount");
  return ignore("not_a_receipt");
}

/** The text after the last scan-pay phrase (what precedes it may be the payer's nickname). */
function trustedPart(text: string): string {
  const at = text.lastIndexOf(SCAN_PHRASE);
  return at < 0 ? text : text.slice(at + SCAN_PHRASE.length);
}

function isAlipayTitle(title: string): boolean {
  return ALIPAY_TITLES.has(title) || ALIPAY_TITLE_RECEIPT.test(title);
}

function sourceFromKeywords(title: string, text: string): Source | undefined {
  if (WECHAT_TITLES.has(title)) return "wechat";
  if (isAlipayTitle(title)) return "alipay";
  // Unknown title: fall back to the text, checking Alipay first because a scan-pay nickname
  // (which may contain 微信) comes before the Alipay phrase.
  const body = text.replace(COUNT_PREFIX, "");
  if (body.includes(SCAN_PHRASE) || body.includes("支付宝")) return "alipay";
  if (body.startsWith("微信")) return "wechat";
  return undefined;
}

// NFKC folds full-width forms into ASCII: （）→(), ：→:, ￥→¥, ０-９→0-9, ［］→[]. Zero-width
// characters are dropped so they cannot split a phrase. CJK text itself is unchanged.
function normalise(s: string | null | undefined): string {
  if (typeof s !== "string") return "";
  return s
    .normalize("NFKC")
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
    .trim();
}
