import { Readable } from "node:stream";
import { adminRoute } from "@/lib/admin/route";
import { siteExport } from "@/lib/export/site";
import { chinaDay } from "@/lib/admin/china-time";

export const dynamic = "force-dynamic";

/** 导出全部: the whole site as one zip (posts as Markdown, images, data JSON), streamed while it is built. */
export const GET = adminRoute(async () => {
  const stream = Readable.toWeb(await siteExport()) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="site-export-${chinaDay(new Date())}.zip"`,
      "cache-control": "private, no-store",
    },
  });
});
