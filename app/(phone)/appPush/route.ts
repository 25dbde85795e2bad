import { device, json } from "@/lib/http/door";
import { vmqReply } from "@/lib/notify/protocols/vmq";

// V免签 monitor app payment: GET /appPush?t=<ms>&type=<1|2>&price=<yuan>&sign=md5(type+price+t+key)
export const GET = device(async ({ raw }) => json(await vmqReply(raw, "push")), { protocol: "vmq", errors: "vmq" });
