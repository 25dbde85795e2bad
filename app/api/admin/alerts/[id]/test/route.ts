import { json, owner, segments } from "@/lib/http/door";
import { testAlert } from "@/lib/alerts/admin";

/** 「发送测试」: 200 `{ ok: true }`, or 502 delivery_failed with what the service answered. */
export const POST = owner(async ({ params }) => json(await testAlert(params.id)), { params: segments("id") });
