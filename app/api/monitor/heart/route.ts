import { vmqHandler } from "@/lib/notify/protocols/vmq-reply";

export const dynamic = "force-dynamic";

// V免签 monitor fork (hulisang/vmqApk) heartbeat path: same query and sign as /appHeart.
export const GET = vmqHandler("heart");
