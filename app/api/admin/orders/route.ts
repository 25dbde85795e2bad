import { json, parseQuery } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { listQuery } from "@/lib/admin/list-query";
import { listOrders, ORDER_STATUSES } from "@/lib/orders/admin";

export const dynamic = "force-dynamic";

const query = listQuery(ORDER_STATUSES);

export const GET = adminRoute(async (req) => json({ items: await listOrders(parseQuery(req, query)) }));
