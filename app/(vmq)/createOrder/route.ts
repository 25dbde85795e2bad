import { merchant } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { siteOrigin } from "@/lib/http/origin";
import { protocolJson } from "@/lib/gateway/http";
import { vmqCreate } from "@/lib/gateway/vmq";

// V免签 createOrder (merchant side; /appHeart and /appPush are the monitor app's). isHtml=1 → our hosted checkout.
const create = merchant(
  async ({ req, fields }) => {
    const { tradeNo, data } = await vmqCreate(fields, clientIp(req));
    if (fields.isHtml === "1")
      return new Response(null, { status: 302, headers: { location: `${siteOrigin(req)}/pay/${tradeNo}`, "cache-control": "no-store" } });
    return protocolJson({ code: 1, msg: "成功", data });
  },
  { errors: "vmq" },
);

export const GET = create;
export const POST = create;
