import { json, sameSiteRoute } from "@/lib/http/handler";
import { existingReader } from "@/lib/readers/request";
import { extendOrder } from "@/lib/orders/extend";

export const dynamic = "force-dynamic";

/** The one extension of an order that ran out while the reader was paying in another app. */
export const POST = sameSiteRoute<{ id: string }>(async (req, { params }) => {
  const { id } = await params;
  return json(await extendOrder(id, await existingReader(req)));
});
