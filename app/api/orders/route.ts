import { json, readJson, sameSiteRoute } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/client-ip";
import { readerFromRequest } from "@/lib/readers/request";
import { createOrder } from "@/lib/orders/create";
import { orderBodySchema } from "@/lib/orders/request";
import type { OrderResponse } from "@/lib/orders/view";

export const dynamic = "force-dynamic";

export const POST = sameSiteRoute(async (req) => {
  const { channel, ...request } = await readJson(req, orderBodySchema, 4096);
  const reader = await readerFromRequest(req);
  const { order, created } = await createOrder({ request, channel, readerId: reader.readerId, ip: clientIp(req) });
  const answer: OrderResponse = { ...order, serverTime: new Date().toISOString() };
  return json(answer, created ? 201 : 200, reader.setCookie ? { "set-cookie": reader.setCookie } : {});
});
