import { json, parseQuery } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { listQuery } from "@/lib/admin/list-query";
import { CLAIM_STATUSES } from "@/lib/claims/input";
import { listClaims } from "@/lib/claims/admin";

export const dynamic = "force-dynamic";

const query = listQuery(CLAIM_STATUSES);

export const GET = adminRoute(async (req) => json({ items: await listClaims(parseQuery(req, query)) }));
