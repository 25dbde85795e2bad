import { z } from "zod";
import { json, parseQuery } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { listOrders, ORDER_STATUSES } from "@/lib/orders/admin";

export const dynamic = "force-dynamic";

const query = z.object({
  status: z.enum(ORDER_STATUSES, { error: `status 必须是 ${ORDER_STATUSES.join(" / ")} 之一` }).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  before: z.iso.datetime({ error: "before 必须是 ISO 时间" }).optional(),
});

export const GET = adminRoute(async (req) => {
  const q = parseQuery(req, query);
  const orders = await listOrders({ status: q.status, limit: q.limit, before: q.before ? new Date(q.before) : undefined });
  return json({ items: orders });
});
