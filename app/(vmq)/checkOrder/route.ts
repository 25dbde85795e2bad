import { merchant } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { protocolJson } from "@/lib/gateway/http";
import { vmqCheckOrder } from "@/lib/gateway/vmq";

// Paid: data is the signed return URL the pay page opens. Unsigned, so rate limited per address.
const check = merchant(
  async ({ req, fields }) => protocolJson({ code: 1, msg: "成功", data: await vmqCheckOrder(fields, clientIp(req)) }),
  { errors: "vmq" },
);

export const GET = check;
export const POST = check;
