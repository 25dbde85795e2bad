import { merchant } from "@/lib/http/door";
import { protocolJson } from "@/lib/gateway/http";
import { vmqGetOrder } from "@/lib/gateway/vmq";

const get = merchant(async ({ fields }) => protocolJson({ code: 1, msg: "成功", data: await vmqGetOrder(fields) }), { errors: "vmq" });

export const GET = get;
export const POST = get;
