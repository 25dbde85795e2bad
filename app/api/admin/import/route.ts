import { json, owner } from "@/lib/http/door";
import { readFormFile } from "@/lib/http/multipart";
import { IMPORT_MAX_BYTES, importFile } from "@/lib/import";

/** multipart `file`: WordPress WXR, Ghost JSON or a zip of Markdown → { posts, updated, images, redirects, skipped, warnings }. */
export const POST = owner(async ({ req }) => {
  const { bytes, name } = await readFormFile(req, IMPORT_MAX_BYTES, "请在表单字段 file 中上传要导入的文件。");
  return json(await importFile(bytes, name));
});
