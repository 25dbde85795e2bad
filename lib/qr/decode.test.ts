import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { checkDimensions, decodeQrImage, imageKind } from "@/lib/qr/decode";
import { blankPng, qrJpeg, qrPng } from "@/tests/support/qr-images";

describe("decodeQrImage", () => {
  it("reads the text of a PNG and a JPEG QR code", async () => {
    expect(decodeQrImage(await qrPng("wxp://f2f0abc"))).toEqual({ ok: true, text: "wxp://f2f0abc" });
    expect(decodeQrImage(await qrJpeg("https://qr.alipay.com/fkx1"))).toEqual({ ok: true, text: "https://qr.alipay.com/fkx1" });
  });

  // Generating and decoding a 2600×2600 image takes ~1 s alone and several on a busy 2-core machine:
  // the default 5 s test timeout made this a timed assertion.
  it("reads a code from a 6.8-megapixel image by downscaling it first", { timeout: 60_000 }, async () => {
    expect(decodeQrImage(await qrPng("wxp://big", 2600))).toEqual({ ok: true, text: "wxp://big" });
  });

  it("says why it could not read an image", async () => {
    expect(decodeQrImage(Buffer.from("GIF89a......"))).toEqual({ ok: false, reason: "unsupported" });
    expect(decodeQrImage(blankPng())).toEqual({ ok: false, reason: "no_qr" });
    expect(decodeQrImage((await qrPng("wxp://x")).subarray(0, 100))).toEqual({ ok: false, reason: "corrupt" });
  });

  it("refuses a PNG that declares more pixels than the budget before decoding it", () => {
    const header = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header);
    header.writeUInt32BE(13, 8);
    header.write("IHDR", 12, "ascii");
    header.writeUInt32BE(20000, 16);
    header.writeUInt32BE(20000, 20);
    expect(imageKind(header)).toBe("png");
    expect(decodeQrImage(header)).toEqual({ ok: false, reason: "too_large" });
  });

  it("refuses a real decompression bomb: a 3 KB PNG of 4100×4100 pixels (67 MB once decoded)", () => {
    const bomb = bombPng(4100, 4100);
    expect(bomb.length).toBeLessThan(10_000);
    expect(checkDimensions(bomb)).toBe("too_large");
    expect(decodeQrImage(bomb)).toEqual({ ok: false, reason: "too_large" });
  });

  it("refuses a JPEG whose header declares 6000×6000 pixels without decoding it", () => {
    // SOI, then a baseline frame header (SOF0): 8-bit, height 6000, width 6000, 3 components.
    const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x17, 0x70, 0x17, 0x70, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
    const jpegHeader = Buffer.from([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...Buffer.from("JFIF\0"),
      1,
      1,
      0,
      0,
      1,
      0,
      1,
      0,
      0,
      ...sof,
      0xff,
      0xd9,
    ]);
    expect(imageKind(jpegHeader)).toBe("jpeg");
    expect(decodeQrImage(jpegHeader)).toEqual({ ok: false, reason: "too_large" });
  });
});

/** A valid 1-bit greyscale PNG of all-black pixels: tiny on disk, width×height×4 bytes once decoded to RGBA. */
function bombPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((Math.ceil(width / 8) + 1) * height); // filter byte 0 + zero bits per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
