import { expect } from "vitest";
import { POST as createOrder } from "@/app/api/orders/route";
import { db } from "@/lib/db/client";
import { syncBootstrapDevice } from "@/lib/notify/devices";
import { makeArticle, makeQr } from "./db";
import { call, makeRequest } from "./http";

/** An open order for `priceCents` on `channel`, with every configured phone marked online. */
export async function openOrder(channel: "wechat" | "alipay" = "wechat", priceCents = 100): Promise<{ id: string; amountCents: number }> {
  const article = await makeArticle({ priceCents });
  await makeQr(channel);
  await syncBootstrapDevice();
  await db().device.updateMany({ data: { lastHeartbeatAt: new Date() } });
  const res = await call(createOrder, makeRequest("POST", "/api/orders", { body: { slug: article.slug, channel } }));
  expect(res.status).toBe(201);
  return res.json;
}

export async function orderStatus(id: string): Promise<string> {
  return (await db().order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}
