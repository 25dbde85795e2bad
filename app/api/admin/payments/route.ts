import { json, parseQuery } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { listQuery } from "@/lib/admin/list-query";
import { listPayments, PAYMENT_STATUSES } from "@/lib/payments/admin";

export const dynamic = "force-dynamic";

const query = listQuery(PAYMENT_STATUSES);

export const GET = adminRoute(async (req) => json({ items: await listPayments(parseQuery(req, query)) }));
