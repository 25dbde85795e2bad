import { z } from "zod";
import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { assignPayment } from "@/lib/payments/admin";

export const dynamic = "force-dynamic";

const body = z.object({ orderId: z.string({ error: "缺少 orderId" }).trim().min(1, "缺少 orderId").max(64) });

export const POST = adminRoute<{ id: string }>(async (req, { params }) => {
  const { id } = await params;
  const { orderId } = await readJson(req, body, 1024);
  return json(await assignPayment(id, orderId));
});
