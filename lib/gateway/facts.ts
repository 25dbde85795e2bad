import type { Channel } from "@/lib/channels";
import type { GatewayProtocol } from "@/lib/gateway/protocol";
import type { PaidFacts } from "@/lib/gateway/params";

interface PaidRow {
  id: string;
  protocol: string;
  outTradeNo: string;
  channel: string | null;
  name: string;
  priceCents: number;
  priceText: string;
  paidCents: number | null;
  param: string | null;
  merchant: { pid: number };
}

/** The facts a paid merchant order is reported with; null while it is not paid through a channel. */
export function paidFacts(mo: PaidRow): PaidFacts | null {
  if (!mo.channel || mo.paidCents === null) return null;
  return {
    protocol: mo.protocol as GatewayProtocol,
    pid: mo.merchant.pid,
    tradeNo: mo.id,
    outTradeNo: mo.outTradeNo,
    channel: mo.channel as Channel,
    name: mo.name,
    priceCents: mo.priceCents,
    priceText: mo.priceText,
    paidCents: mo.paidCents,
    param: mo.param,
  };
}
