import { json } from "@/lib/http/handler";
import { readFormFile } from "@/lib/http/multipart";
import { adminRoute } from "@/lib/admin/route";
import { IMPORT_MAX_BYTES, importFile } from "@/lib/import";

export const dynamic = "force-dynamic";

/** multipart `file`: WordPress WXR, Ghost JSON or a zip of Markdown → { posts, updated, images, redirects, skipped, warnings }. */
export const POST = adminRoute(async (req) => {
  const { bytes, name } = await readFormFile(req, IMPORT_MAX_BYTES, "请在表单字段 file 中上传要导入的文件。");
  return json(await importFile(bytes, name));
});
