import { json, owner, readJson } from "@/lib/http/door";
import { createSeries, listSeriesForAdmin, seriesInput } from "@/lib/series/admin";

export const GET = owner(async () => json({ items: await listSeriesForAdmin() }));

export const POST = owner(async ({ req }) => json(await createSeries(await readJson(req, seriesInput, 64 * 1024)), 201));
