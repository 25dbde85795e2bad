import { clientIp } from "@/lib/http/client-ip";
import { protocolJson, protocolRoute, readParams } from "@/lib/gateway/http";
import { vmqGetState } from "@/lib/gateway/vmq";

export const dynamic = "force-dynamic";

const state = protocolRoute("vmq", async (req) => {
  const { query, body } = await readParams(req);
  return protocolJson({ code: 1, msg: "成功", data: await vmqGetState({ ...body, ...query }, clientIp(req)) });
});

export const GET = state;
export const POST = state;
