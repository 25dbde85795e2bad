import { json, owner, segments } from "@/lib/http/door";
import { renotify } from "@/lib/gateway/admin";

// 「重新通知」: one more signed notify to the merchant, sent by the worker within seconds.
export const POST = owner(async ({ params }) => json(await renotify(params.tradeNo), 202), { params: segments("tradeNo") });
