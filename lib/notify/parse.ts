// Turns one forwarded Android notification (package, title, text) into "a new receipt of N cents on
// channel C" or "ignored, because …". Pure: no I/O; callers store every input with its result.
// The vocabulary (titles, phrases) is in receipt-shapes.ts; the facts in docs/notifications.md.
//
//  app      | title                                    | text (amount = X)
//  ---------+------------------------------------------+---------------------------------------------
//  WeChat   | 微信支付 / 微信收款助手 / 微信收款商业版 /   | 微信支付收款X元(…)      any suffix: (朋友到店), (老顾客第4次消费) …
//           |   微信支付商家助手                          | 个人收款码到账¥X / 微信收款X元 / 收款单到账X元 / 二维码赞赏到账X元
//           |                                          | [店员消息]收款到账X元 / 收款X元 (商业版)
//           |                                          | [N条]<same account>: <any of the above>   (stacked)
//           | 微信 (≥ 8.0.50) or none (ticker text)     | <account>: <any of the above>, or a body starting with 微信支付
//  WeCom    | the above, 企业微信, 对外收款              | the above, 成功收款X元
//  WeChat   | (个人经营收款码) 微信支付 / 微信收款助手     | 经营码收款到账通知⏎07月21日 22:33⏎收款金额⏎¥X  (the card's text)
//  Alipay   | 收钱码到账通知 / 收款通知 / 支付宝通知 /     | 成功收款X元。享免费提现… / 支付宝成功收款X元 / 你已成功收款X元
//           |   支付宝 / 店员通 / 收钱码                  | <nickname>通过扫码向你付款X元  (amount after the LAST phrase)
//           | 支付宝商家服务 / 商家服务·收款到账 (经营码)   | 收款金额￥X   (支付宝商家服务 also posts "¥X" month summaries: not receipts)
//           | 你已成功收款X元(老顾客消费)  (amount here)  | 已转入余额 … / 立即查看今日收款金额>> (anything)
//
// X is `1`, `0.80`, `1,430.00`, with `¥`/`￥` before and/or `元` after (at least one of them).
// Amounts are read ONLY right after a known phrase at a known position, never "the last number"
// (nicknames and 第4次 / 第2笔 broke that in earlier systems).
//
// Impersonation. A chat's title is its contact's or group's name, which anyone can set to 微信支付.
// The structure that still tells a chat apart: a group chat names the speaker on every message
// ("张三: …"), while the payment account's own notification shows a single message without one,
// and a speaker only in the stacked form "[N条]微信支付: …" — so an unstacked speaker under an
// account title is a chat; a speaker other than the account is a chat; chat-only markers
// ([有人@我], [图片], [转账] …) are a chat. What cannot be told apart (a contact named exactly like
// the account sending the exact text; a group named so whose member uses that group nickname,
// once two messages stack) is documented in docs/connect-phone.md §5.
//
// Ignore reasons (snake_case, stable: stored next to the raw notification):
//   empty                 no title and no text
//   unknown_package       package present but not WeChat/WeCom/Alipay (first anti-impersonation guard)
//   unknown_channel       no package and no WeChat/Alipay keyword in title or text
//   unknown_title         title present but not a payment account of that app: a chat, or another feature
//   chat_message          the shape of a chat (see above)
//   transfer              已成功向你转了… / 向你转了1笔钱 / 向你转账 (not a receiving-code payment)
//   previous_payment_broadcast  上一笔播报 (re-announces a receipt we already saw)
//   outgoing              money going out or back: 已支付, 已扣费, 支出, 退款 …
//   promotion             marketing (%, 优惠, 红包, 活动 …)
//   unreadable_receipt    a payment app's receipt (receipt-only title, or 收款/到账/收钱 wording) whose
//                         amount cannot be read (none, or more than two decimals): the app may have
//                         changed its text. The owner is alerted with the raw text.
//   not_a_receipt         anything else
//   zero_amount / absurd_amount   amount read but 0, or above 1,000,000 yuan
//
// Transfer / 上一笔播报 checks look only at app-controlled text (title, and the text after the last
// 通过扫码向你付款), so a payer nickname cannot hide its own payment.

import { yuanToCents } from "../money";
import type { Channel } from "../channels";
import * as S from "./receipt-shapes";

export type { Channel };
export interface NotificationText {
  package?: string | null;
  title?: string | null;
  content?: string | null;
}
export type ParseResult = { channel: Channel; amountCents: number } | { ignored: string };

/** 1,000,000 yuan: far above any article price; larger is a misread (and would overflow int4 on PostgreSQL). */
export const MAX_CENTS = 100_000_000;

type Ignored = { ignored: string };
const ignore = (reason: string): Ignored => ({ ignored: reason });

export function parseNotification(input: NotificationText): ParseResult {
  const pkg = typeof input.package === "string" ? input.package.trim() : "";
  const title = normalise(input.title);
  const text = normalise(input.content);
  if (!title && !text) return ignore("empty");

  let source: S.Source | undefined;
  if (pkg) {
    source = S.PACKAGES[pkg];
    if (!source) return ignore("unknown_package");
  } else {
    source = sourceFromKeywords(title, text);
    if (!source) return ignore("unknown_channel");
  }

  // Checked before any amount: these texts carry real-looking amounts that are not new receipts.
  const both = `${title}\n${trustedPart(text)}`;
  if (S.TRANSFER.test(both)) return ignore("transfer");
  if (both.includes(S.PREVIOUS_BROADCAST)) return ignore("previous_payment_broadcast");

  return source === "alipay" ? parseAlipay(title, text) : parseWechat(source, title, text);
}

function parseWechat(source: "wechat" | "wework", title: string, text: string): ParseResult {
  if (title && !(source === "wework" ? S.WEWORK_TITLES : S.WECHAT_TITLES).has(title)) return ignore("unknown_title");
  const stacked = S.COUNT_PREFIX.test(text);
  let body = text.replace(S.COUNT_PREFIX, "");
  if (S.CHAT_MARKER.test(body)) return ignore("chat_message");
  // The 经营收款 card under an account title: its "22:33" is a time, not a speaker's colon.
  const business = S.WECHAT_GENERIC.has(title) ? null : S.WECHAT_BUSINESS_RECEIPT.exec(body);
  if (business) return toResult("wechat", business);

  const speaker = S.SENDER_PREFIX.exec(body);
  if (speaker) {
    const name = speaker[1].trim();
    // Under the account's own title a speaker appears only in the stacked form, and only the
    // account itself; under an app-name title (or none: ticker text) it must be an account.
    const ok = S.WECHAT_ACCOUNTS.has(title) ? stacked && name === title : S.WECHAT_ACCOUNTS.has(name);
    if (!ok) return ignore("chat_message");
    body = body.slice(speaker[0].length);
  } else if (S.WECHAT_GENERIC.has(title) && !body.startsWith("微信支付")) {
    // 8.0.50's app-name title: only bodies that name 微信支付 themselves are receipts.
    return ignore("not_a_receipt");
  }
  body = body.replace(S.CLERK_TAG, "");

  const m = (source === "wework" ? S.WEWORK_RECEIPT : S.WECHAT_RECEIPT).exec(body) ?? S.WECHAT_BUSINESS_RECEIPT.exec(body);
  return m ? toResult("wechat", m) : unread(title, body);
}

function parseAlipay(title: string, text: string): ParseResult {
  if (title && !isAlipayTitle(title)) return ignore("unknown_title");
  const body = text.replace(S.COUNT_PREFIX, "");

  // Everything before the last phrase may be the payer's nickname, which the payer chooses
  // ("x通过扫码向你付款1000元"). Only the amount immediately after the last phrase is trusted.
  const at = body.lastIndexOf(S.SCAN_PHRASE);
  if (at >= 0) {
    const m = S.AMOUNT_AT_START.exec(body.slice(at + S.SCAN_PHRASE.length));
    return m ? toResult("alipay", m) : ignore("unreadable_receipt");
  }

  // Title first: it is app-controlled and sometimes the only place with the amount. A title that
  // starts like one but is not exactly one is a new format (or a nickname): never read the body then.
  const titled = S.ALIPAY_TITLE_START.test(title);
  const m = titled ? S.ALIPAY_TITLE_RECEIPT.exec(title) : S.ALIPAY_RECEIPT.exec(body);
  if (m) return toResult("alipay", m);
  return titled ? ignore("unreadable_receipt") : unread(title, body);
}

function toResult(channel: Channel, m: RegExpExecArray): ParseResult {
  // Group 1 is the "¥X" form, group 2 the "X元" form; exactly one is set.
  const cents = yuanToCents(m[1] ?? m[2]);
  if (cents === null) return ignore("unreadable_receipt");
  if (cents === 0) return ignore("zero_amount");
  if (cents > MAX_CENTS) return ignore("absurd_amount");
  return { channel, amountCents: cents };
}

/** No amount where a receipt has one: why not. */
function unread(title: string, body: string): Ignored {
  if (S.OUTGOING.test(body)) return ignore("outgoing");
  if (S.PROMOTION.test(body)) return ignore("promotion");
  if (S.SENDER_PREFIX.test(body)) return ignore("chat_message");
  if (S.RECEIPT_TITLES.has(title) || S.RECEIPT_WORDS.test(`${title}\n${body}`)) {
    return ignore("unreadable_receipt");
  }
  return ignore("not_a_receipt");
}

/** The text after the last scan-pay phrase (what precedes it may be the payer's nickname). */
function trustedPart(text: string): string {
  const at = text.lastIndexOf(S.SCAN_PHRASE);
  return at < 0 ? text : text.slice(at + S.SCAN_PHRASE.length);
}

function isAlipayTitle(title: string): boolean {
  return S.ALIPAY_TITLES.has(title) || S.ALIPAY_TITLE_START.test(title);
}

function sourceFromKeywords(title: string, text: string): S.Source | undefined {
  if (S.WECHAT_TITLES.has(title)) return "wechat";
  if (isAlipayTitle(title)) return "alipay";
  // Unknown title: fall back to the text, checking Alipay first because a scan-pay nickname
  // (which may contain 微信) comes before the Alipay phrase.
  const body = text.replace(S.COUNT_PREFIX, "");
  if (body.includes(S.SCAN_PHRASE) || body.includes("支付宝")) return "alipay";
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
