import { merchant } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { protocolJson } from "@/lib/gateway/http";
import { vmqGetState } from "@/lib/gateway/vmq";

const state = merchant(async ({ req, fields }) => protocolJson({ code: 1, msg: "成功", data: await vmqGetState(fields, clientIp(req)) }), {
  errors: "vmq",
});

export const GET = state;
export const POST = state;
