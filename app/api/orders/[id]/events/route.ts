import { reader, segments } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { orderEventStream } from "@/lib/orders/stream";

/** Pushes the order's status the moment it is paid (lib/orders/stream.ts); same access as GET /api/orders/{id}. */
export const GET = reader(async ({ req, params }) => orderEventStream(params.id, clientIp(req), req.signal), { params: segments("id") });
