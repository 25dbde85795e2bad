import { clientIp } from "@/lib/http/client-ip";
import { protocolJson, protocolRoute, readParams } from "@/lib/gateway/http";
import { vmqCheckOrder } from "@/lib/gateway/vmq";

export const dynamic = "force-dynamic";

// Paid: data is the signed return URL the pay page opens.
const check = protocolRoute("vmq", async (req) => {
  const { query, body } = await readParams(req);
  return protocolJson({ code: 1, msg: "成功", data: await vmqCheckOrder({ ...body, ...query }, clientIp(req)) });
});

export const GET = check;
export const POST = check;
