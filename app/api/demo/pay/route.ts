import { z } from "zod";
import { json, readJson, reader } from "@/lib/http/door";
import { demoNotification } from "@/lib/notify/demo";

const body = z.object({ orderId: z.string().min(1).max(64) });

/**
 * Demo mode only: returns a notification signed with the demo device's secret
 * for this reader's order. The browser then POSTs it to /api/notify, so the
 * demo goes through exactly the path a real phone uses.
 */
export const POST = reader(async ({ req, reader }) => {
  const { orderId } = await readJson(req, body, 1024);
  return json(await demoNotification(orderId, await reader.existing()));
});
