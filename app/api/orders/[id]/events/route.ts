import { route } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/client-ip";
import { orderEventStream } from "@/lib/orders/stream";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** Pushes the order's status the moment it is paid (lib/orders/stream.ts); same access as GET /api/orders/{id}. */
export const GET = route<{ id: string }>(async (req, { params }: Ctx) => {
  const { id } = await params;
  return orderEventStream(id, clientIp(req), req.signal);
});
