import { vmqHandler } from "@/lib/notify/protocols/vmq-reply";

export const dynamic = "force-dynamic";

// V免签 monitor app payment: GET /appPush?t=<ms>&type=<1|2>&price=<yuan>&sign=md5(type+price+t+key)
export const GET = vmqHandler("push");
