import { z } from "zod";
import { json, parseQuery } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { listRestoreLinks } from "@/lib/readers/admin";

export const dynamic = "force-dynamic";

const query = z.object({ limit: z.coerce.number().int().min(1).max(500).optional() });

/** Restore links readers have used or the owner revoked, newest first, with the devices each unlocked. */
export const GET = adminRoute(async (req) => json({ items: await listRestoreLinks(parseQuery(req, query).limit) }));
