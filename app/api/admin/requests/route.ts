import { z } from "zod";
import { json, parseQuery } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { listRequests } from "@/lib/requests/admin";
import { REQUEST_STATUSES } from "@/lib/requests/vocab";

export const dynamic = "force-dynamic";

const query = z.object({ status: z.enum(REQUEST_STATUSES, { error: "status 必须是 open、refunded 或 resolved" }).optional() });

export const GET = adminRoute(async (req) => json({ items: await listRequests(parseQuery(req, query)) }));
