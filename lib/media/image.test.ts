import { describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import jpeg from "jpeg-js";
import { inspectImage, mediaSize } from "./image";

const png = (w: number, h: number) => PNG.sync.write(new PNG({ width: w, height: h }));
const jpg = (w: number, h: number) => jpeg.encode({ data: Buffer.alloc(w * h * 4, 128), width: w, height: h }, 80).data;
// A 3×2 GIF: header, logical screen descriptor, trailer (enough for the header check).
const gif = Buffer.concat([Buffer.from("GIF89a"), Buffer.from([3, 0, 2, 0, 0, 0, 0]), Buffer.from([0x3b])]);
// A lossless WebP header for a 5×4 picture: RIFF, WEBP, VP8L chunk with 14-bit width-1 / height-1.
function webp(w: number, h: number): Buffer {
  const bits = (w - 1) | ((h - 1) << 14);
  const chunk = Buffer.from([0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >> 24) & 0xff]);
  const body = Buffer.concat([Buffer.from("WEBPVP8L"), Buffer.from([chunk.length, 0, 0, 0]), chunk, Buffer.alloc(1)]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from("RIFF"), size, body]);
}

describe("what an uploaded file really is", () => {
  it("reads PNG, JPEG, GIF and WebP and their size from the bytes", () => {
    expect(inspectImage(png(40, 30))).toEqual({ ok: true, ext: "png", width: 40, height: 30 });
    expect(inspectImage(jpg(16, 8))).toEqual({ ok: true, ext: "jpg", width: 16, height: 8 });
    expect(inspectImage(gif)).toEqual({ ok: true, ext: "gif", width: 3, height: 2 });
    expect(inspectImage(webp(5, 4))).toEqual({ ok: true, ext: "webp", width: 5, height: 4 });
  });

  it("refuses SVG, text, HTML and empty files", () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    for (const b of [svg, Buffer.from("hello"), Buffer.from("<html><body>x</body></html>"), Buffer.alloc(0)]) {
      expect(inspectImage(b)).toEqual({ ok: false, reason: "not_image" });
    }
  });

  it("refuses a picture larger than 8000 pixels on a side", () => {
    expect(inspectImage(png(8001, 1))).toEqual({ ok: false, reason: "too_large_side" });
  });

  it("reads the size back from one of our media URLs only", () => {
    expect(mediaSize("/media/0123456789abcdef0123456789abcdef-640x480.png")).toEqual({ width: 640, height: 480 });
    expect(mediaSize("https://cdn.example/media/0123456789abcdef0123456789abcdef-640x480.png")).toBeNull();
    expect(mediaSize("/media/photo-640x480.png")).toBeNull();
  });
});
