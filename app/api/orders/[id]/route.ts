import { json, route } from "@/lib/http/handler";
import { existingReader } from "@/lib/readers/request";
import { cancelOrder, getOrder } from "@/lib/orders/read";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route<{ id: string }>(async (_req, { params }: Ctx) => {
  const { id } = await params;
  const o = await getOrder(id);
  return json({ id: o.id, status: o.status, amountCents: o.amountCents, expiresAt: o.expiresAt, paidAt: o.paidAt, serverTime: new Date().toISOString() });
});

export const DELETE = route<{ id: string }>(async (req, { params }: Ctx) => {
  const { id } = await params;
  const o = await cancelOrder(id, existingReader(req));
  return json({ id: o.id, status: o.status, amountCents: o.amountCents, expiresAt: o.expiresAt, paidAt: o.paidAt, serverTime: new Date().toISOString() });
});
