import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { config, mediaDir } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { IMAGE_TYPES, inspectImage, MAX_SIDE, MEDIA_NAME, mediaName, type ImageExt } from "@/lib/media/image";

/**
 * Post images uploaded from the editor, stored as files under MEDIA_DIR
 * (default <DATA_DIR>/media). Named by content hash, so a file never changes
 * under its URL (safe to cache for a year) and the same picture twice is one file.
 * With several servers, MEDIA_DIR must be shared storage (or one server handles uploads).
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
  const dir = mediaDir();
  const file = path.join(dir, name);
  if (!(await exists(file))) {
    await mkdir(dir, { recursive: true });
    // Write then rename: a reader never gets half a file, and two uploads of one image end the same.
    const tmp = path.join(dir, `.${name}.${randomBytes(6).toString("hex")}.tmp`);
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  }
  return { url: `/media/${name}`, width: info.width, height: info.height, bytes: bytes.length };
}

/** The stored file for a /media/{name} request, or null (also for any name we would never have made). */
export async function readImage(name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const m = MEDIA_NAME.exec(name);
  if (!m) return null;
  try {
    const bytes = await readFile(path.join(mediaDir(), name));
    return { bytes, contentType: IMAGE_TYPES[m[4] as ImageExt] };
  } catch {
    return null;
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
