import { imageSize } from "image-size";

/**
 * What an uploaded file really is, read from its bytes (never its name or the
 * browser's content type): PNG, JPEG, GIF or WebP only. SVG is refused on
 * purpose: it can carry script. Pure, so the rules are unit-tested.
 */
export const IMAGE_TYPES = { png: "image/png", jpg: "image/jpeg", gif: "image/gif", webp: "image/webp" } as const;
export type ImageExt = keyof typeof IMAGE_TYPES;

/** Larger than this on either side is a photo straight off a camera at best, a decompression bomb at worst. */
export const MAX_SIDE = 8000;

export type Inspected = { ok: true; ext: ImageExt; width: number; height: number } | { ok: false; reason: "not_image" | "too_large_side" };

export function inspectImage(bytes: Uint8Array): Inspected {
  let info: ReturnType<typeof imageSize>;
  try {
    info = imageSize(bytes);
  } catch {
    return { ok: false, reason: "not_image" };
  }
  const ext = info.type === "jpeg" ? "jpg" : info.type;
  if (!ext || !(ext in IMAGE_TYPES) || !info.width || !info.height) return { ok: false, reason: "not_image" };
  // image-size only reads headers: also insist on the format's own magic bytes at the start.
  if (!hasMagic(bytes, ext as ImageExt)) return { ok: false, reason: "not_image" };
  if (info.width > MAX_SIDE || info.height > MAX_SIDE) return { ok: false, reason: "too_large_side" };
  return { ok: true, ext: ext as ImageExt, width: info.width, height: info.height };
}

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

function hasMagic(b: Uint8Array, ext: ImageExt): boolean {
  switch (ext) {
    case "png":
      return b[0] === 0x89 && ascii(b, 1, 4) === "PNG";
    case "jpg":
      return b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
    case "gif":
      return /^GIF8[79]a$/.test(ascii(b, 0, 6));
    case "webp":
      return ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP";
  }
}

/** Stored names carry the content hash and the size: /media/<hash>-<w>x<h>.<ext>. */
export const MEDIA_NAME = /^([a-f0-9]{32})-(\d{1,5})x(\d{1,5})\.(png|jpg|gif|webp)$/;

export function mediaName(hash: string, i: { ext: ImageExt; width: number; height: number }): string {
  return `${hash.slice(0, 32)}-${i.width}x${i.height}.${i.ext}`;
}

/** Width and height of one of our uploaded images from its URL, so pages reserve its space before it loads. */
export function mediaSize(src: string): { width: number; height: number } | null {
  const m = /^\/media\/([^/?#]+)$/.exec(src);
  const n = m && MEDIA_NAME.exec(m[1]);
  return n ? { width: Number(n[2]), height: Number(n[3]) } : null;
}
