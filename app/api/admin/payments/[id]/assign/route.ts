import { z } from "zod";
import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { assignPayment } from "@/lib/payments/admin";

export const dynamic = "force-dynamic";

const body = z.object({
  orderId: z.string({ error: "缺少 orderId" }).trim().min(1, "缺少 orderId").max(64),
  /** Assign even when channel or amount do not fit the order (after the owner confirmed). */
  force: z.boolean({ error: "force 必须是 true 或 false" }).optional(),
});

export const POST = adminRoute<{ id: string }>(async (req, { params }) => {
  const { id } = await params;
  const { orderId, force } = await readJson(req, body, 1024);
  return json(await assignPayment(id, orderId, { force }));
});
