import { merchant } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { siteOrigin } from "@/lib/http/origin";
import { protocolJson } from "@/lib/gateway/http";
import { epayFields, epayOpen } from "@/lib/gateway/epay";

// 易支付 API payment (server to server): {code:1, trade_no, payurl, qrcode} or {code:-1, msg}.
const mapi = merchant(
  async ({ req, query, body }) => {
    const { mo, order } = await epayOpen(epayFields({ query, body }), "mapi", clientIp(req));
    return protocolJson({
      code: 1,
      msg: "成功",
      trade_no: mo.id,
      payurl: `${siteOrigin(req)}/pay/${mo.id}`,
      ...(order?.qr ? { qrcode: order.qr.payload, money: (order.amountCents / 100).toFixed(2) } : {}),
    });
  },
  { errors: "epay" },
);

export const GET = mapi;
export const POST = mapi;
