import jsQR from "jsqr";
import { PNG } from "pngjs";
import jpeg from "jpeg-js";
import { imageSize } from "image-size";

/**
 * Image bytes → the text of the QR code in it, in pure JavaScript (pngjs /
 * jpeg-js decode, jsQR reads). Returns a reason instead of throwing so the
 * caller can name the file in its error.
 */
export type DecodeResult = { ok: true; text: string } | { ok: false; reason: "unsupported" | "too_large" | "corrupt" | "no_qr" };

/**
 * Pixel budget, checked on the header before anything is decoded: a 12 MP phone
 * photo (4000×3000) and any screenshot fit; a decompression bomb (a few KB that
 * declare 100 megapixels) is refused without allocating its pixels.
 */
export const MAX_PIXELS = 16_000_000;
const MAX_SIDE = 12_000;
/** jsQR is linear in pixels; big photos are box-downscaled to about this many. */
const SCAN_PIXELS = 4_000_000;

interface Rgba {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export function imageKind(buf: Uint8Array): "png" | "jpeg" | null {
  if (buf.length > 8 && buf[0] === 0x89 && buf[1] === 0x50 && buf[2] === 0x4e && buf[3] === 0x47) return "png";
  if (buf.length > 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return "jpeg";
  return null;
}

/** The dimensions the header declares (image-size reads only the header), or why they are unusable. */
export function checkDimensions(buf: Buffer): "ok" | "too_large" | "corrupt" {
  try {
    const { width, height } = imageSize(buf);
    if (!width || !height) return "corrupt";
    return width * height > MAX_PIXELS || width > MAX_SIDE || height > MAX_SIDE ? "too_large" : "ok";
  } catch {
    return "corrupt";
  }
}

function decodePixels(buf: Buffer): Rgba | DecodeResult {
  const kind = imageKind(buf);
  if (!kind) return { ok: false, reason: "unsupported" };
  const size = checkDimensions(buf);
  if (size !== "ok") return { ok: false, reason: size };
  try {
    if (kind === "png") {
      const png = PNG.sync.read(buf);
      return { data: png.data, width: png.width, height: png.height };
    }
    // The decoders' own limits stay as a second line (a header that lies about its size).
    const img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 256 });
    return { data: img.data, width: img.width, height: img.height };
  } catch (e) {
    return { ok: false, reason: /resolution|memory/i.test(String(e)) ? "too_large" : "corrupt" };
  }
}

function downscale(img: Rgba, factor: number): Rgba {
  const width = Math.floor(img.width / factor);
  const height = Math.floor(img.height / factor);
  const out = new Uint8ClampedArray(width * height * 4);
  const n = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) {
          const row = (y * factor + dy) * img.width;
          for (let dx = 0; dx < factor; dx++) sum += img.data[(row + x * factor + dx) * 4 + c];
        }
        out[(y * width + x) * 4 + c] = sum / n;
      }
    }
  }
  return { data: out, width, height };
}

function scan(img: Rgba): string | null {
  const data =
    img.data instanceof Uint8ClampedArray ? img.data : new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  return jsQR(data, img.width, img.height)?.data || null;
}

export function decodeQrImage(buf: Buffer): DecodeResult {
  const img = decodePixels(buf);
  if ("ok" in img) return img;
  const pixels = img.width * img.height;
  let text: string | null = null;
  if (pixels > SCAN_PIXELS) text = scan(downscale(img, Math.ceil(Math.sqrt(pixels / SCAN_PIXELS))));
  // Full resolution as a second try (small codes in big photos), within a time budget.
  if (!text && pixels <= 4 * SCAN_PIXELS) text = scan(img);
  return text ? { ok: true, text } : { ok: false, reason: "no_qr" };
}
