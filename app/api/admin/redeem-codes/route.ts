import { z } from "zod";
import { json, owner, parseQuery, readJson } from "@/lib/http/door";
import { createCodes, createCodesInput, listBatches, listCodes } from "@/lib/redeem/admin";

const query = z.object({ batch: z.string().min(1).max(40).optional() });

/** Without ?batch: the batches with their counts; with it: that batch's codes. */
export const GET = owner(async ({ req }) => {
  const { batch } = parseQuery(req, query);
  return json(batch ? { items: await listCodes({ batch }) } : { batches: await listBatches() });
});

export const POST = owner(async ({ req }) => json(await createCodes(await readJson(req, createCodesInput, 4096)), 201));
