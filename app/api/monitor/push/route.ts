import { vmqHandler } from "@/lib/notify/protocols/vmq-reply";

export const dynamic = "force-dynamic";

// V免签 monitor fork (hulisang/vmqApk) payment path: same query and sign as /appPush.
export const GET = vmqHandler("push");
