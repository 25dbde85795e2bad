import { z } from "zod";
import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { revokeReaderEntitlements } from "@/lib/trace/actions";

export const dynamic = "force-dynamic";

const body = z.object({ readerId: z.string({ error: "请提供读者 ID" }).trim().min(1).max(64) });

/** Takes away everything a reader may read and stops their private feeds. */
export const POST = adminRoute(async (req) => json(await revokeReaderEntitlements((await readJson(req, body, 2048)).readerId)));
