import { json } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { testAlert } from "@/lib/alerts/admin";

export const dynamic = "force-dynamic";

/** 「发送测试」: 200 `{ ok: true }`, or 502 delivery_failed with what the service answered. */
export const POST = adminRoute<{ id: string }>(async (_req, { params }) => json(await testAlert((await params).id)));
