import { clientIp } from "@/lib/http/client-ip";
import { siteOrigin } from "@/lib/http/origin";
import { protocolJson, protocolRoute, readParams } from "@/lib/gateway/http";
import { epayFields, epayOpen } from "@/lib/gateway/epay";

export const dynamic = "force-dynamic";

// 易支付 API payment (server to server): {code:1, trade_no, payurl, qrcode} or {code:-1, msg}.
const mapi = protocolRoute("epay", async (req) => {
  const { mo, order } = await epayOpen(epayFields(await readParams(req)), "mapi", clientIp(req));
  return protocolJson({
    code: 1,
    msg: "成功",
    trade_no: mo.id,
    payurl: `${siteOrigin(req)}/pay/${mo.id}`,
    ...(order?.qr ? { qrcode: order.qr.payload, money: (order.amountCents / 100).toFixed(2) } : {}),
  });
});

export const GET = mapi;
export const POST = mapi;
