import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { createMerchant, listMerchants, merchantInput } from "@/lib/gateway/merchants";

export const dynamic = "force-dynamic";

export const GET = adminRoute(async () => json({ items: await listMerchants() }));

// The key is in this answer only (and in the rotate answer): it is never listed.
export const POST = adminRoute(async (req) => json(await createMerchant(await readJson(req, merchantInput, 8192)), 201));
