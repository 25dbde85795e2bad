import { z } from "zod";
import { json, readJson, route, sameSiteRoute } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/client-ip";
import { channelSchema } from "@/lib/channel-schema";
import { checkoutOrder, checkoutView } from "@/lib/gateway/checkout";
import type { OrderResponse } from "@/lib/orders/view";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ tradeNo: string }> };

// The hosted checkout's state (polled by /pay/{tradeNo} once the order is paid, for the signed return URL).
export const GET = route<{ tradeNo: string }>(async (req, { params }: Ctx) =>
  json(await checkoutView((await params).tradeNo, clientIp(req))),
);

// A QR for this payment on a channel: the open one, or a new unique amount.
export const POST = sameSiteRoute<{ tradeNo: string }>(async (req, { params }: Ctx) => {
  const { channel } = await readJson(req, z.object({ channel: channelSchema }), 1024);
  const order = await checkoutOrder((await params).tradeNo, channel, clientIp(req));
  const answer: OrderResponse = { ...order, serverTime: new Date().toISOString() };
  return json(answer);
});
