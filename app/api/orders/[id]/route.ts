import { json, reader, segments } from "@/lib/http/door";
import { cancelOrder, getOrderStatus } from "@/lib/orders/read";

const params = segments("id");

/** Also answered without Next's router by the production server (server/direct-routes.ts). */
export const GET = reader(async ({ params }) => json(await getOrderStatus(params.id)), { params });

export const DELETE = reader(async ({ params, reader }) => json(await cancelOrder(params.id, await reader.existing())), { params });
