import { z } from "zod";
import { json, owner, parseQuery } from "@/lib/http/door";
import { listRestoreLinks } from "@/lib/readers/admin";

const query = z.object({ limit: z.coerce.number().int().min(1).max(500).optional() });

/** Restore links readers have used or the owner revoked, newest first, with the devices each unlocked. */
export const GET = owner(async ({ req }) => json({ items: await listRestoreLinks(parseQuery(req, query).limit) }));
