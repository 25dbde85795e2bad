import { json, route } from "@/lib/http/handler";
import { requireSameOriginJson } from "@/lib/http/json-post";
import { existingReader } from "@/lib/readers/request";
import { extendOrder } from "@/lib/orders/extend";

export const dynamic = "force-dynamic";

/** The one extension of an order that ran out while the reader was paying in another app. */
export const POST = route<{ id: string }>(async (req, { params }) => {
  requireSameOriginJson(req);
  const { id } = await params;
  return json(await extendOrder(id, existingReader(req)));
});
