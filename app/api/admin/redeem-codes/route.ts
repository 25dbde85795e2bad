import { z } from "zod";
import { json, parseQuery, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { createCodes, createCodesInput, listBatches, listCodes } from "@/lib/redeem/admin";

export const dynamic = "force-dynamic";

const query = z.object({ batch: z.string().min(1).max(40).optional() });

/** Without ?batch: the batches with their counts; with it: that batch's codes. */
export const GET = adminRoute(async (req) => {
  const { batch } = parseQuery(req, query);
  return json(batch ? { items: await listCodes({ batch }) } : { batches: await listBatches() });
});

export const POST = adminRoute(async (req) => json(await createCodes(await readJson(req, createCodesInput, 4096)), 201));
