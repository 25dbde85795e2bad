import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { createSeries, listSeriesForAdmin, seriesInput } from "@/lib/series/admin";

export const dynamic = "force-dynamic";

export const GET = adminRoute(async () => json({ items: await listSeriesForAdmin() }));

export const POST = adminRoute(async (req) => json(await createSeries(await readJson(req, seriesInput, 64 * 1024)), 201));
