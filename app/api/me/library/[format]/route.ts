import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/handler";
import { siteOrigin } from "@/lib/http/origin";
import { existingSession } from "@/lib/readers/request";
import { publicOrigin, siteSettings } from "@/lib/settings/store";
import { LIBRARY_FORMATS, libraryDownload, type LibraryFormat } from "@/lib/library/download";

export const dynamic = "force-dynamic";

/** 下载全部: GET /api/me/library/epub | /api/me/library/md — everything this reader owns, marked for them. */
export const GET = route<{ format: string }>(async (req, { params }) => {
  const { format } = await params;
  if (!(LIBRARY_FORMATS as readonly string[]).includes(format)) throw new AppError("not_found", "只支持 epub 和 md 两种格式。");
  const file = await libraryDownload(
    await existingSession(req),
    format as LibraryFormat,
    publicOrigin(await siteSettings(), siteOrigin(req)),
  );
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="library.${format}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "cache-control": "private, no-store",
      "x-robots-tag": "noindex",
    },
  });
});
