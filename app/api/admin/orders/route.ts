import { json, owner, parseQuery } from "@/lib/http/door";
import { listQuery } from "@/lib/admin/list-query";
import { listOrders, ORDER_STATUSES } from "@/lib/orders/admin";

const query = listQuery(ORDER_STATUSES);

export const GET = owner(async ({ req }) => json({ items: await listOrders(parseQuery(req, query)) }));
