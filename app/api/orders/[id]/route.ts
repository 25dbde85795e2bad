import { json, route, sameSiteRoute } from "@/lib/http/handler";
import { existingReader } from "@/lib/readers/request";
import { cancelOrder, getOrderStatus } from "@/lib/orders/read";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route<{ id: string }>(async (_req, { params }: Ctx) => {
  const { id } = await params;
  return json(await getOrderStatus(id));
});

export const DELETE = sameSiteRoute<{ id: string }>(async (req, { params }: Ctx) => {
  const { id } = await params;
  return json(await cancelOrder(id, await existingReader(req)));
});
