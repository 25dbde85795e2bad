import { expect } from "vitest";
import type { Channel } from "@/lib/channels";
import { POST as createOrder } from "@/app/api/orders/route";
import { db } from "@/lib/db/client";
import { syncBootstrapDevices } from "@/lib/devices/registry";
import { makeArticle, makeQr } from "./db";
import { call, readerRequest } from "./http";

/** An open order for `priceCents` on `channel`, with every configured phone marked online. */
export async function openOrder(channel: Channel = "wechat", priceCents = 100): Promise<{ id: string; amountCents: number }> {
  const article = await makeArticle({ priceCents });
  await makeQr(channel);
  await syncBootstrapDevices();
  await db().device.updateMany({ data: { lastHeartbeatAt: new Date() } });
  const res = await call(createOrder, readerRequest("POST", "/api/orders", { body: { slug: article.slug, channel } }));
  expect(res.status).toBe(201);
  return res.json;
}

export async function orderStatus(id: string): Promise<string> {
  return (await db().order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}
