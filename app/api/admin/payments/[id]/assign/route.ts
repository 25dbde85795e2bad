import { z } from "zod";
import { json, owner, readJson, segments } from "@/lib/http/door";
import { assignPayment } from "@/lib/payments/admin";

const body = z.object({
  orderId: z.string({ error: "缺少 orderId" }).trim().min(1, "缺少 orderId").max(64),
  /** Assign even when channel or amount do not fit the order (after the owner confirmed). */
  force: z.boolean({ error: "force 必须是 true 或 false" }).optional(),
});

export const POST = owner(
  async ({ req, params }) => {
    const { orderId, force } = await readJson(req, body, 1024);
    return json(await assignPayment(params.id, orderId, { force }));
  },
  { params: segments("id") },
);
