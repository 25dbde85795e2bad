import { clientIp } from "@/lib/http/client-ip";
import { protocolJson, protocolRoute, readParams } from "@/lib/gateway/http";
import { vmqGetOrder } from "@/lib/gateway/vmq";

export const dynamic = "force-dynamic";

const get = protocolRoute("vmq", async (req) => {
  const { query, body } = await readParams(req);
  return protocolJson({ code: 1, msg: "成功", data: await vmqGetOrder({ ...body, ...query }, clientIp(req)) });
});

export const GET = get;
export const POST = get;
