import { merchant } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { protocolJson } from "@/lib/gateway/http";
import { vmqCloseOrder } from "@/lib/gateway/vmq";

const close = merchant(
  async ({ req, fields }) => {
    await vmqCloseOrder(fields, clientIp(req));
    return protocolJson({ code: 1, msg: "成功", data: null });
  },
  { errors: "vmq" },
);

export const GET = close;
export const POST = close;
