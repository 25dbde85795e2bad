import { json, owner } from "@/lib/http/door";
import { readFormFile } from "@/lib/http/multipart";
import { config } from "@/lib/config";
import { saveImage } from "@/lib/media/store";

/** multipart `file`: an image for a post (or the site icon). Type checked from the bytes; 413 past MEDIA_MAX_BYTES. */
export const POST = owner(async ({ req }) => {
  const { bytes } = await readFormFile(req, config().MEDIA_MAX_BYTES + 64 * 1024, "请选择一张图片（字段 file）。");
  return json(await saveImage(bytes), 201);
});
