import { z } from "zod";
import { owner, parseQuery } from "@/lib/http/door";
import { EXPORTS, exportStream } from "@/lib/export/tables";
import { chinaDay, chinaDayInstant } from "@/lib/china-time";

const params = z.object({ name: z.enum(EXPORTS, { error: `可导出 ${EXPORTS.join("、")}` }) });
const day = z.iso.date({ error: "日期格式为 YYYY-MM-DD（北京时间）" }).optional();
const query = z.object({ from: day, to: day });
// A day as the owner means it: Beijing midnight.
const chinaMidnight = (d?: string) => (d ? chinaDayInstant(d) : undefined);

/** GET /api/admin/export/{orders|payments|notifications}[?from=YYYY-MM-DD&to=YYYY-MM-DD] → CSV (UTF-8 with BOM). */
export const GET = owner(
  async ({ req, params: { name } }) => {
    const q = parseQuery(req, query);
    const to = chinaMidnight(q.to);
    const range = { from: chinaMidnight(q.from), to: to && new Date(to.getTime() + 24 * 3600_000) };
    const filename = `${name}-${chinaDay(new Date())}.csv`;
    return new Response(exportStream(name, range), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "private, no-store",
      },
    });
  },
  { params },
);
