import { merchant } from "@/lib/http/door";
import { protocolJson } from "@/lib/gateway/http";
import { vmqCheckOrder } from "@/lib/gateway/vmq";

// Paid: data is the signed return URL the pay page opens.
const check = merchant(async ({ fields }) => protocolJson({ code: 1, msg: "成功", data: await vmqCheckOrder(fields) }), { errors: "vmq" });

export const GET = check;
export const POST = check;
