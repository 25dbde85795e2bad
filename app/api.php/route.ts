import { siteOrigin } from "@/lib/http/origin";
import { protocolJson, protocolRoute, readParams } from "@/lib/gateway/http";
import { epayApi } from "@/lib/gateway/epay";

export const dynamic = "force-dynamic";

// 易支付 queries: api.php?act=order&pid=…&key=…&trade_no=…|out_trade_no=… (status "1" = paid), act=query.
const api = protocolRoute("epay", async (req) => {
  const { query, body } = await readParams(req);
  return protocolJson(await epayApi({ ...body, ...query }, siteOrigin(req)));
});

export const GET = api;
export const POST = api;
