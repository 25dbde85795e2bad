import { z } from "zod";
import { owner, parseQuery } from "@/lib/http/door";
import { exportCodesCsv } from "@/lib/redeem/admin";

const query = z.object({ batch: z.string().min(1).max(40).optional() });

/** GET /api/admin/redeem-codes/export[?batch=…]: a CSV download (UTF-8 with BOM, opens in Excel/WPS). */
export const GET = owner(async ({ req }) => {
  const { batch } = parseQuery(req, query);
  const name = batch ? `redeem-codes-${batch}.csv` : "redeem-codes.csv";
  return new Response(await exportCodesCsv({ batch }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
});
