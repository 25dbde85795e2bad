import { reader, segments } from "@/lib/http/door";
import { siteOrigin } from "@/lib/http/origin";
import { publicOrigin, siteSettings } from "@/lib/settings/store";
import { libraryDownload, libraryFormat } from "@/lib/library/download";

/** 下载全部: GET /api/me/library/epub | /api/me/library/md — everything this reader owns, marked for them. */
export const GET = reader(
  async ({ req, params, reader }) => {
    const format = libraryFormat(params.format);
    const file = await libraryDownload(await reader.session(), format, publicOrigin(await siteSettings(), siteOrigin(req)));
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="library.${format}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        "cache-control": "private, no-store",
        "x-robots-tag": "noindex",
      },
    });
  },
  { params: segments("format") },
);
