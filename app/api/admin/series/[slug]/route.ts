import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { deleteSeries, getSeriesForAdmin, seriesPatch, updateSeries } from "@/lib/series/admin";

export const dynamic = "force-dynamic";
type P = { slug: string };

export const GET = adminRoute<P>(async (_req, { params }) => json(await getSeriesForAdmin((await params).slug)));

export const PATCH = adminRoute<P>(async (req, { params }) =>
  json(await updateSeries((await params).slug, await readJson(req, seriesPatch, 64 * 1024))),
);

export const DELETE = adminRoute<P>(async (_req, { params }) => {
  await deleteSeries((await params).slug);
  return json({ ok: true });
});
