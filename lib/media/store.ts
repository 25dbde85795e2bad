import { createHash } from "node:crypto";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";
import { IMAGE_TYPES, inspectImage, MAX_SIDE, MEDIA_NAME, mediaName, type ImageExt } from "@/lib/media/image";

/**
 * Uploaded images (post images, the site logo), stored in the database (table MediaFile):
 * every server instance serves them without a shared disk, and every backup holds them with
 * the posts that show them. Named by content hash and size, so a row never changes under its
 * URL (safe to cache for a year) and the same picture twice is one row. Images a version before
 * this one wrote under MEDIA_DIR are moved in at start (lib/media/legacy.ts).
 */
export interface StoredImage {
  url: string;
  width: number;
  height: number;
  bytes: number;
}

export async function saveImage(bytes: Buffer): Promise<StoredImage> {
  const max = config().MEDIA_MAX_BYTES;
  if (bytes.length === 0) throw new AppError("invalid_input", "请选择一张图片（字段 file）。");
  if (bytes.length > max) throw new AppError("payload_too_large", `图片超过 ${formatSize(max)}，请压缩后再上传。`);
  const info = inspectImage(bytes);
  if (!info.ok) {
    throw info.reason === "too_large_side"
      ? new AppError("unparseable", `图片尺寸过大（任一边不超过 ${MAX_SIDE} 像素），请缩小后再上传。`)
      : new AppError("unparseable", "只能上传 PNG、JPEG、GIF 或 WebP 图片（按文件内容判断，不看扩展名）。");
  }
  const name = mediaName(createHash("sha256").update(bytes).digest("hex"), info);
  await storeImage(name, bytes, info);
  return { url: `/media/${name}`, width: info.width, height: info.height, bytes: bytes.length };
}

/** Inserts the row unless it is there; two uploads of one image at once end the same (same name, same bytes). */
export async function storeImage(name: string, bytes: Buffer, info: { ext: ImageExt; width: number; height: number }): Promise<void> {
  const exists = await db().mediaFile.findUnique({ where: { name }, select: { name: true } });
  if (exists) return;
  try {
    await db().mediaFile.create({
      data: {
        name,
        contentType: IMAGE_TYPES[info.ext],
        width: info.width,
        height: info.height,
        size: bytes.length,
        bytes: new Uint8Array(bytes),
      },
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
}

/** The stored image for a /media/{name} request, or null (also for any name we would never have made). */
export async function readImage(name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  if (!MEDIA_NAME.test(name)) return null;
  const row = await db().mediaFile.findUnique({ where: { name }, select: { bytes: true, contentType: true } });
  return row ? { bytes: Buffer.from(row.bytes), contentType: row.contentType } : null;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
