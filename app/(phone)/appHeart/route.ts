import { device, json } from "@/lib/http/door";
import { vmqReply } from "@/lib/notify/protocols/vmq";

// V免签 monitor app heartbeat (every 30 s): GET /appHeart?t=<ms>&sign=md5(t+key)
export const GET = device(async ({ raw }) => json(await vmqReply(raw, "heart")), { protocol: "vmq", errors: "vmq" });
