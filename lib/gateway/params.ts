import { formatCents } from "@/lib/money";
import type { Channel } from "@/lib/channels";
import { CHANNEL_EPAY_TYPE, CHANNEL_VMQ_TYPE, type GatewayProtocol } from "@/lib/gateway/protocol";
import { epaySign, vmqSign } from "@/lib/gateway/sign";

/**
 * The signed parameters a paid merchant order is reported with — in the
 * notify (GET to notify_url) and on the buyer's way back (return_url) — in
 * each protocol's own order and formats (docs/gateway.md §通知). Pure.
 */
export interface PaidFacts {
  protocol: GatewayProtocol;
  pid: number;
  tradeNo: string;
  outTradeNo: string;
  channel: Channel;
  name: string;
  priceCents: number;
  priceText: string;
  paidCents: number;
  param: string | null;
}

/** 彩虹易支付 sends (float)money: "1.00" → "1", "0.50" → "0.5". Clients compare amounts numerically. */
export const epayMoney = (cents: number): string => formatCents(cents).replace(/\.?0+$/, "");

export function epayParams(f: PaidFacts, key: string): [string, string][] {
  const fields: [string, string][] = [
    ["pid", String(f.pid)],
    ["trade_no", f.tradeNo],
    ["out_trade_no", f.outTradeNo],
    ["type", CHANNEL_EPAY_TYPE[f.channel]],
    ["name", f.name],
    ["money", epayMoney(f.priceCents)],
    ["trade_status", "TRADE_SUCCESS"],
    // Never an empty field: V2Board signs empty values too, 彩虹 drops them, so only omitting agrees with both.
    ...(f.param ? ([["param", f.param]] as [string, string][]) : []),
  ];
  return [...fields, ["sign", epaySign(Object.fromEntries(fields), key)], ["sign_type", "MD5"]];
}

/** V免签: price echoes the merchant's own text, reallyPrice is the unique amount paid, with two decimals. */
export function vmqParams(f: PaidFacts, key: string): [string, string][] {
  const fields: [string, string][] = [
    ["payId", f.outTradeNo],
    ["param", f.param ?? ""],
    ["type", CHANNEL_VMQ_TYPE[f.channel]],
    ["price", f.priceText],
    ["reallyPrice", formatCents(f.paidCents)],
  ];
  return [
    ...fields,
    [
      "sign",
      vmqSign(
        fields.map(([, v]) => v),
        key,
      ),
    ],
  ];
}

export function paidParams(f: PaidFacts, key: string): [string, string][] {
  return f.protocol === "epay" ? epayParams(f, key) : vmqParams(f, key);
}

/** URL-encoded like PHP's http_build_query (space as "+"); clients decode before verifying. */
export const toQuery = (params: [string, string][]): string => new URLSearchParams(params).toString();

/**
 * Did the merchant take the notify? V免签 servers require the body `success`
 * exactly (a trailing newline tolerated). 彩虹易支付 accepts any body containing
 * "success", which is how SSPanel's JSON answer {"state":"success",…} passes; we
 * accept that JSON shape explicitly rather than any body that merely contains
 * the word (an error page saying "unsuccessful" is not an acknowledgement).
 */
export function acknowledged(protocol: GatewayProtocol, body: string): boolean {
  const text = body.trim();
  if (text === "success") return true;
  if (protocol === "vmq") return false;
  if (text.toLowerCase() === "success") return true;
  try {
    const o = JSON.parse(text) as Record<string, unknown>;
    return [o.state, o.status, o.result, o.msg].some((v) => typeof v === "string" && v.toLowerCase() === "success");
  } catch {
    return false;
  }
}
