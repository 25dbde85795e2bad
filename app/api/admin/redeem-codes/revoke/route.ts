import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { revokeCodes, revokeInput } from "@/lib/redeem/admin";

export const dynamic = "force-dynamic";

export const POST = adminRoute(async (req) => json(await revokeCodes(await readJson(req, revokeInput, 64 * 1024))));
