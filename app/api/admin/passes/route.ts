import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { createPass, listPassesForAdmin, passInput } from "@/lib/passes/admin";

export const dynamic = "force-dynamic";

export const GET = adminRoute(async () => json({ items: await listPassesForAdmin() }));

export const POST = adminRoute(async (req) => json(await createPass(await readJson(req, passInput, 4096)), 201));
