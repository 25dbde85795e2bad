import { z } from "zod";
import { json, readJson, reader, segments } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { channelSchema } from "@/lib/channel-schema";
import { checkoutOrder, checkoutView } from "@/lib/gateway/checkout";
import type { OrderResponse } from "@/lib/orders/view";

const params = segments("tradeNo");

// The hosted checkout's state (polled by /pay/{tradeNo} once the order is paid, for the signed return URL).
export const GET = reader(async ({ req, params }) => json(await checkoutView(params.tradeNo, clientIp(req))), { params });

// A QR for this payment on a channel: the open one, or a new unique amount.
export const POST = reader(
  async ({ req, params }) => {
    const { channel } = await readJson(req, z.object({ channel: channelSchema }), 1024);
    const order = await checkoutOrder(params.tradeNo, channel, clientIp(req));
    const answer: OrderResponse = { ...order, serverTime: new Date().toISOString() };
    return json(answer);
  },
  { params },
);
