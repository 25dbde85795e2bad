import { owner } from "@/lib/http/door";
import { siteExportResponse } from "@/lib/export/site";

/** 导出全部: the whole site as one zip (posts as Markdown, images, data JSON), streamed while it is built. */
export const GET = owner(() => siteExportResponse());
