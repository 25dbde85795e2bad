import { z } from "zod";
import { channelSchema } from "@/lib/channels";
import { json, readJson, sameSiteRoute } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/client-ip";
import { readerFromRequest } from "@/lib/readers/request";
import { createOrder } from "@/lib/orders/create";
import type { OrderResponse } from "@/lib/orders/view";

export const dynamic = "force-dynamic";

const body = z.object({
  slug: z.string({ error: "缺少文章 slug" }).trim().min(1, "缺少文章 slug").max(100),
  channel: channelSchema,
});

export const POST = sameSiteRoute(async (req) => {
  const input = await readJson(req, body, 4096);
  const reader = await readerFromRequest(req);
  const { order, created } = await createOrder({ ...input, readerId: reader.readerId, ip: clientIp(req) });
  const answer: OrderResponse = { ...order, serverTime: new Date().toISOString() };
  return json(answer, created ? 201 : 200, reader.setCookie ? { "set-cookie": reader.setCookie } : {});
});
