import { clientIp } from "@/lib/http/client-ip";
import { protocolJson, protocolRoute, readParams } from "@/lib/gateway/http";
import { vmqCloseOrder } from "@/lib/gateway/vmq";

export const dynamic = "force-dynamic";

const close = protocolRoute("vmq", async (req) => {
  const { query, body } = await readParams(req);
  await vmqCloseOrder({ ...body, ...query }, clientIp(req));
  return protocolJson({ code: 1, msg: "成功", data: null });
});

export const GET = close;
export const POST = close;
