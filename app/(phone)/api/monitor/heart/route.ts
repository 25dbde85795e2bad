import { device, json } from "@/lib/http/door";
import { vmqReply } from "@/lib/notify/protocols/vmq";

// V免签 monitor fork (hulisang/vmqApk) heartbeat path: same query and sign as /appHeart.
export const GET = device(async ({ raw }) => json(await vmqReply(raw, "heart")), { protocol: "vmq", errors: "vmq" });
