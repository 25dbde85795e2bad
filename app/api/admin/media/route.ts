import { json } from "@/lib/http/handler";
import { readFormFile } from "@/lib/http/multipart";
import { adminRoute } from "@/lib/admin/route";
import { config } from "@/lib/config";
import { saveImage } from "@/lib/media/store";

export const dynamic = "force-dynamic";

/** multipart `file`: an image for a post (or the site icon). Type checked from the bytes; 413 past MEDIA_MAX_BYTES. */
export const POST = adminRoute(async (req) => {
  const { bytes } = await readFormFile(req, config().MEDIA_MAX_BYTES + 64 * 1024, "请选择一张图片（字段 file）。");
  return json(await saveImage(bytes), 201);
});
