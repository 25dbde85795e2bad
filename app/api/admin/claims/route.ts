import { json, owner, parseQuery } from "@/lib/http/door";
import { listQuery } from "@/lib/admin/list-query";
import { CLAIM_STATUSES } from "@/lib/claims/input";
import { listClaims } from "@/lib/claims/admin";

const query = listQuery(CLAIM_STATUSES);

export const GET = owner(async ({ req }) => json({ items: await listClaims(parseQuery(req, query)) }));
