import { describe, expect, it } from "vitest";
import { decodeQrImage, imageKind } from "@/lib/qr/decode";
import { blankPng, qrJpeg, qrPng } from "@/tests/support/qr-images";

describe("decodeQrImage", () => {
  it("reads the text of a PNG and a JPEG QR code", async () => {
    expect(decodeQrImage(await qrPng("wxp://f2f0abc"))).toEqual({ ok: true, text: "wxp://f2f0abc" });
    expect(decodeQrImage(await qrJpeg("https://qr.alipay.com/fkx1"))).toEqual({ ok: true, text: "https://qr.alipay.com/fkx1" });
  });

  // Seconds of CPU on a loaded 2-core machine: the default 5 s timeout made this a timing assertion.
  it("reads a code from a 6.8-megapixel image by downscaling it first", { timeout: 30_000 }, async () => {
    expect(decodeQrImage(await qrPng("wxp://big", 2600))).toEqual({ ok: true, text: "wxp://big" });
  });

  it("says why it could not read an image", async () => {
    expect(decodeQrImage(Buffer.from("GIF89a......"))).toEqual({ ok: false, reason: "unsupported" });
    expect(decodeQrImage(blankPng())).toEqual({ ok: false, reason: "no_qr" });
    expect(decodeQrImage((await qrPng("wxp://x")).subarray(0, 100))).toEqual({ ok: false, reason: "corrupt" });
  });

  it("refuses a PNG that claims more pixels than the budget before decoding it", () => {
    const header = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header);
    header.writeUInt32BE(20000, 16);
    header.writeUInt32BE(20000, 20);
    expect(imageKind(header)).toBe("png");
    expect(decodeQrImage(header)).toEqual({ ok: false, reason: "too_large" });
  });
});
