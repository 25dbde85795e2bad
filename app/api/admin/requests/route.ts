import { z } from "zod";
import { json, owner, parseQuery } from "@/lib/http/door";
import { listRequests } from "@/lib/requests/admin";
import { REQUEST_STATUSES } from "@/lib/requests/vocab";

const query = z.object({ status: z.enum(REQUEST_STATUSES, { error: "status 必须是 open、refunded 或 resolved" }).optional() });

export const GET = owner(async ({ req }) => json({ items: await listRequests(parseQuery(req, query)) }));
