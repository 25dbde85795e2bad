import { json, readJson, reader } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { createOrder } from "@/lib/orders/create";
import { orderBodySchema } from "@/lib/orders/request";
import type { OrderResponse } from "@/lib/orders/view";

export const POST = reader(async ({ req, reader }) => {
  const { channel, ...request } = await readJson(req, orderBodySchema, 4096);
  const { order, created } = await createOrder({ request, channel, readerId: await reader.ensure(), ip: clientIp(req) });
  const answer: OrderResponse = { ...order, serverTime: new Date().toISOString() };
  return json(answer, created ? 201 : 200);
});
