import { json } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { renotify } from "@/lib/gateway/admin";

export const dynamic = "force-dynamic";

// 「重新通知」: one more signed notify to the merchant, sent by the worker within seconds.
export const POST = adminRoute<{ tradeNo: string }>(async (_req, { params }) => json(await renotify((await params).tradeNo), 202));
