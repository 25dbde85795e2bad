import { merchant } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { protocolJson } from "@/lib/gateway/http";
import { vmqGetOrder } from "@/lib/gateway/vmq";

// Unsigned, so rate limited per address.
const get = merchant(async ({ req, fields }) => protocolJson({ code: 1, msg: "成功", data: await vmqGetOrder(fields, clientIp(req)) }), {
  errors: "vmq",
});

export const GET = get;
export const POST = get;
