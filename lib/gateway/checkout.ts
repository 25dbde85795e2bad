import { db } from "@/lib/db/client";
import type { Channel } from "@/lib/channels";
import { orderViewInclude, toOrderView, type OrderView } from "@/lib/orders/view";
import { openOrderWhere } from "@/lib/orders/status";
import { checkoutState, type CheckoutState } from "@/lib/gateway/protocol";
import { channelsOf } from "@/lib/gateway/merchants";
import { readMerchantOrder, signedReturnUrl } from "@/lib/gateway/state";
import { ensureOpenOrder } from "@/lib/gateway/allocate";
import { AppError } from "@/lib/errors";

/**
 * The hosted checkout's view of a merchant order (/pay/{tradeNo}, GET
 * /api/pay/{tradeNo}): what is paid for, the open QR order if any, and once
 * paid the signed return URL the page sends the buyer to. Client-safe type;
 * the trade number is not a secret (it is in the merchant's page URL), so
 * nothing here is: no key, no notify URL.
 */
export interface CheckoutView {
  tradeNo: string;
  merchantName: string;
  name: string;
  priceCents: number;
  status: CheckoutState;
  /** The channel chosen by the merchant or the buyer; null: the buyer picks. */
  channel: Channel | null;
  /** What the buyer may pick from while channel is null. */
  channels: Channel[];
  order: OrderView | null;
  returnUrl: string | null;
  serverTime: string;
}

export async function checkoutView(tradeNo: string, ip: string, now = new Date()): Promise<CheckoutView> {
  const mo = await readMerchantOrder(tradeNo, ip);
  const open = mo.orderId
    ? await db().order.findFirst({ where: { id: mo.orderId, ...openOrderWhere(now) }, include: orderViewInclude })
    : null;
  return {
    tradeNo: mo.id,
    merchantName: mo.merchant.name,
    name: mo.name,
    priceCents: mo.priceCents,
    status: checkoutState(mo.status),
    channel: mo.channel as Channel | null,
    channels: channelsOf(mo.merchant),
    order: open ? toOrderView(open, now) : null,
    returnUrl: signedReturnUrl(mo),
    serverTime: now.toISOString(),
  };
}

/** The buyer asks for a QR (first time, another channel before one was fixed, or after expiry). */
export async function checkoutOrder(tradeNo: string, wanted: Channel, ip: string, now = new Date()): Promise<OrderView> {
  const mo = await readMerchantOrder(tradeNo, ip);
  const channel = (mo.channel as Channel | null) ?? wanted;
  if (!channelsOf(mo.merchant).includes(channel)) {
    throw new AppError("invalid_input", "该商户未开通这种付款方式。");
  }
  return ensureOpenOrder(mo.id, channel, ip, now);
}
