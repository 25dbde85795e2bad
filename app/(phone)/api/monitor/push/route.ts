import { device, json } from "@/lib/http/door";
import { vmqReply } from "@/lib/notify/protocols/vmq";

// V免签 monitor fork (hulisang/vmqApk) payment path: same query and sign as /appPush.
export const GET = device(async ({ raw }) => json(await vmqReply(raw, "push")), { protocol: "vmq", errors: "vmq" });
