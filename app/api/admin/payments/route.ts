import { json, owner, parseQuery } from "@/lib/http/door";
import { listQuery } from "@/lib/admin/list-query";
import { listPayments, PAYMENT_STATUSES } from "@/lib/payments/admin";

const query = listQuery(PAYMENT_STATUSES);

export const GET = owner(async ({ req }) => json({ items: await listPayments(parseQuery(req, query)) }));
