import { json, reader, segments } from "@/lib/http/door";
import { extendOrder } from "@/lib/orders/extend";

/** The one extension of an order that ran out while the reader was paying in another app. */
export const POST = reader(async ({ params, reader }) => json(await extendOrder(params.id, await reader.existing())), {
  params: segments("id"),
});
