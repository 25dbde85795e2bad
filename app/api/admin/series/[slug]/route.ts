import { json, ok, owner, readJson, segments } from "@/lib/http/door";
import { deleteSeries, getSeriesForAdmin, seriesPatch, updateSeries } from "@/lib/series/admin";

const params = segments("slug");

export const GET = owner(async ({ params }) => json(await getSeriesForAdmin(params.slug)), { params });

export const PATCH = owner(async ({ req, params }) => json(await updateSeries(params.slug, await readJson(req, seriesPatch, 64 * 1024))), {
  params,
});

export const DELETE = owner(async ({ params }) => deleteSeries(params.slug).then(ok), { params });
