import { merchant } from "@/lib/http/door";
import { siteOrigin } from "@/lib/http/origin";
import { protocolJson } from "@/lib/gateway/http";
import { epayApi } from "@/lib/gateway/epay";

// 易支付 queries: api.php?act=order&pid=…&key=…&trade_no=…|out_trade_no=… (status "1" = paid), act=query.
const api = merchant(async ({ req, fields }) => protocolJson(await epayApi(fields, siteOrigin(req))), { errors: "epay" });

export const GET = api;
export const POST = api;
