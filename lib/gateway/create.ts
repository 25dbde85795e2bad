import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";
import { config } from "@/lib/config";
import { formatCents, yuanToCents } from "@/lib/money";
import { CHANNEL_LABEL, type Channel } from "@/lib/channels";
import { consume } from "@/lib/http/rate-limit";
import { addressKey } from "@/lib/http/address-key";
import { channelsOf, domainsOf, type MerchantRow } from "@/lib/gateway/merchants";
import { checkMerchantUrl } from "@/lib/gateway/urls";
import { ensureOpenOrder, newTradeNo } from "@/lib/gateway/allocate";
import type { GatewayProtocol } from "@/lib/gateway/protocol";
import type { OrderView } from "@/lib/orders/view";

export interface MerchantOrderInput {
  protocol: GatewayProtocol;
  outTradeNo: string;
  name: string;
  /** The amount as the merchant sent it; signatures and V免签 notifies use this exact text. */
  priceText: string;
  /** null: the buyer picks on the hosted checkout (易支付 submit.php without `type`). */
  channel: Channel | null;
  param: string | null;
  notifyUrl: string;
  returnUrl: string | null;
  /**
   * The buyer's address when known (易支付 clientip, submit.php's browser): the per-address cap counts it.
   * null when the request came from the shop's server with no buyer address (V免签 createOrder): the order
   * then counts against the merchant's own cap, not the shop's address.
   */
  clientIp: string | null;
}

export type MerchantOrderRow = NonNullable<Awaited<ReturnType<typeof findMerchantOrder>>>;

export const findMerchantOrder = (merchantId: string, outTradeNo: string) =>
  db().merchantOrder.findUnique({ where: { merchantId_outTradeNo: { merchantId, outTradeNo } } });

/** A positive amount with at most two decimals, as text ("10", "10.5", "0.01"); null otherwise. */
export function parseMoney(text: string): number | null {
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(text)) return null;
  const c = yuanToCents(text);
  return c && c > 0 ? c : null;
}

/**
 * Opens a payment for a merchant, or answers the one it already opened under
 * the same out_trade_no (same amount, name and URLs; a different request under
 * a used number is refused, as 易支付 does). With a channel it also takes a
 * unique amount at once (mapi.php and V免签 answer with the QR content and the
 * amount to pay).
 */
export async function openMerchantOrder(
  m: MerchantRow,
  input: MerchantOrderInput,
  now = new Date(),
): Promise<{ mo: MerchantOrderRow; order: OrderView | null; created: boolean }> {
  if (!m.enabled) throw new AppError("forbidden", "商户已被停用");
  await consume("gateway-merchant", String(m.pid), config().GATEWAY_RATE_PER_MERCHANT, 60, "该商户下单太频繁，请稍后再试");
  const priceCents = parseMoney(input.priceText);
  if (priceCents === null) throw new AppError("invalid_input", "金额格式错误：须为大于 0、最多两位小数的数字");
  if (priceCents < m.minCents || priceCents > m.maxCents) {
    throw new AppError("invalid_input", `金额超出该商户的限额（¥${formatCents(m.minCents)} – ¥${formatCents(m.maxCents)}）`);
  }
  if (input.channel && !channelsOf(m).includes(input.channel)) {
    throw new AppError("invalid_input", `该商户未开通${CHANNEL_LABEL[input.channel]}收款`);
  }
  if (!/^[A-Za-z0-9._\-|]{1,64}$/.test(input.outTradeNo))
    throw new AppError("invalid_input", "商户订单号只能包含字母、数字和 . _ - |，最长 64 位");
  checkMerchantUrl("notify_url", input.notifyUrl, domainsOf(m));
  if (input.returnUrl) checkMerchantUrl("return_url", input.returnUrl, domainsOf(m));
  const name = [...input.name].slice(0, 64).join("") || input.outTradeNo;
  const ip = input.clientIp ? addressKey(input.clientIp) : null;

  let mo = await findMerchantOrder(m.id, input.outTradeNo);
  let created = false;
  if (!mo) {
    try {
      mo = await db().merchantOrder.create({
        data: {
          id: newTradeNo(now),
          merchantId: m.id,
          protocol: input.protocol,
          outTradeNo: input.outTradeNo,
          name,
          priceCents,
          priceText: input.priceText,
          channel: input.channel,
          param: input.param || null,
          notifyUrl: input.notifyUrl,
          returnUrl: input.returnUrl || null,
          clientIp: ip,
          createdAt: now,
        },
      });
      created = true;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // The same out_trade_no sent twice at once (or a trade_no clash, vanishingly rare): the winner's row.
      mo = await findMerchantOrder(m.id, input.outTradeNo);
      if (!mo) throw new AppError("busy", "下单冲突，请重试", { headers: { "Retry-After": "1" } });
    }
  }
  if (!created) sameRequestOrRefuse(mo, { ...input, name, priceCents });
  const channel = input.channel ?? (mo.channel as Channel | null);
  const order = channel && mo.status === "pending" ? await ensureOpenOrder(mo.id, channel, ip, now) : null;
  return { mo: (await db().merchantOrder.findUniqueOrThrow({ where: { id: mo.id } })) as MerchantOrderRow, order, created };
}

function sameRequestOrRefuse(mo: MerchantOrderRow, input: MerchantOrderInput & { priceCents: number }): void {
  const same =
    mo.protocol === input.protocol &&
    mo.priceCents === input.priceCents &&
    mo.name === input.name &&
    mo.notifyUrl === input.notifyUrl &&
    (mo.returnUrl ?? "") === (input.returnUrl ?? "") &&
    (mo.param ?? "") === (input.param ?? "") &&
    (input.channel === null || mo.channel === null || mo.channel === input.channel);
  if (!same) throw new AppError("conflict", `订单号 ${mo.outTradeNo} 已使用且支付参数不同，请更换订单号`);
  if (mo.status === "closed") throw new AppError("conflict", `订单 ${mo.outTradeNo} 已关闭，请更换订单号`);
}
