import { createHash } from "node:crypto";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db/client";
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

type ImageInfo = { ext: ImageExt; width: number; height: number };

const mediaRow = (name: string, bytes: Buffer, info: ImageInfo) => ({
  name,
  contentType: IMAGE_TYPES[info.ext],
  width: info.width,
  height: info.height,
  size: bytes.length,
  bytes: new Uint8Array(bytes),
});

/** Inserts the row unless it is there; two uploads of one image at once end the same (same name, same bytes). */
export async function storeImage(name: string, bytes: Buffer, info: ImageInfo): Promise<void> {
  const exists = await db().mediaFile.findUnique({ where: { name }, select: { name: true } });
  if (exists) return;
  try {
    await db().mediaFile.create({ data: mediaRow(name, bytes, info) });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
}

// A few statements rather than one per image, each small enough for any driver's parameter limits.
const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Stores many images inside the caller's transaction (an import: its images commit or roll back with
 * the posts that link them). Each name was made by mediaName from the bytes; one already stored is
 * skipped. Unlike storeImage this cannot swallow a unique violation (on PostgreSQL it ends the
 * transaction): an upload of the very same image committed meanwhile makes the transaction fail,
 * and the caller runs it again (lib/import/apply.ts). Answers how many rows were added.
 */
export async function storeImagesIn(tx: Tx, images: ReadonlyMap<string, Buffer>): Promise<number> {
  const names = [...images.keys()];
  const have = new Set<string>();
  for (let i = 0; i < names.length; i += 500) {
    const rows = await tx.mediaFile.findMany({ where: { name: { in: names.slice(i, i + 500) } }, select: { name: true } });
    for (const r of rows) have.add(r.name);
  }
  let batch: ReturnType<typeof mediaRow>[] = [];
  let batchBytes = 0;
  let added = 0;
  const flush = async () => {
    if (batch.length) added += (await tx.mediaFile.createMany({ data: batch })).count;
    batch = [];
    batchBytes = 0;
  };
  for (const name of names) {
    if (have.has(name)) continue;
    const bytes = images.get(name)!;
    const info = inspectImage(bytes);
    // Never a name we would have made for these bytes: not stored (the reader of the file checked them already).
    if (!info.ok || mediaName(createHash("sha256").update(bytes).digest("hex"), info) !== name) continue;
    if (batchBytes + bytes.length > BATCH_BYTES) await flush();
    batch.push(mediaRow(name, bytes, info));
    batchBytes += bytes.length;
  }
  await flush();
  return added;
}

/** Every stored image's name, in name order: an export lists them first and reads each when its turn comes. */
export async function imageNames(): Promise<string[]> {
  return (await db().mediaFile.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((r) => r.name);
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
