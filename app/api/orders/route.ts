import { z } from "zod";
import { json, readJson, route } from "@/lib/http/handler";
import { clientIp, readerFromRequest } from "@/lib/readers/request";
import { createOrder } from "@/lib/orders/create";

export const dynamic = "force-dynamic";

const body = z.object({
  slug: z.string({ error: "缺少文章 slug" }).trim().min(1, "缺少文章 slug").max(100),
  channel: z.enum(["wechat", "alipay"], { error: "channel 必须是 wechat 或 alipay" }),
});

export const POST = route(async (req) => {
  const input = await readJson(req, body, 4096);
  const reader = readerFromRequest(req);
  const { order, created } = await createOrder({ ...input, readerId: reader.readerId, ip: clientIp(req) });
  return json({ ...order, serverTime: new Date().toISOString() }, created ? 201 : 200, reader.setCookie ? { "set-cookie": reader.setCookie } : {});
});
