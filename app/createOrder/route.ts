import { clientIp } from "@/lib/http/client-ip";
import { siteOrigin } from "@/lib/http/origin";
import { protocolJson, protocolRoute, readParams } from "@/lib/gateway/http";
import { vmqCreate } from "@/lib/gateway/vmq";

export const dynamic = "force-dynamic";

// V免签 createOrder (merchant side; /appHeart and /appPush are the monitor app's). isHtml=1 → our hosted checkout.
const create = protocolRoute("vmq", async (req) => {
  const { query, body } = await readParams(req);
  const p = { ...body, ...query };
  const { tradeNo, data } = await vmqCreate(p, clientIp(req));
  if (p.isHtml === "1")
    return new Response(null, { status: 302, headers: { location: `${siteOrigin(req)}/pay/${tradeNo}`, "cache-control": "no-store" } });
  return protocolJson({ code: 1, msg: "成功", data });
});

export const GET = create;
export const POST = create;
