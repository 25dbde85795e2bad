import { vmqHandler } from "@/lib/notify/protocols/vmq-reply";

export const dynamic = "force-dynamic";

// V免签 monitor app heartbeat (every 30 s): GET /appHeart?t=<ms>&sign=md5(t+key)
export const GET = vmqHandler("heart");
