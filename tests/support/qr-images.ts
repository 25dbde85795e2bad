import QRCode from "qrcode";
import { PNG } from "pngjs";
import jpeg from "jpeg-js";

export const WECHAT_PAYLOAD = "wxp://f2f0Ab3dEfGhIjKlMnOpQrStUvWxYz0123456789";
export const ALIPAY_PAYLOAD = "HTTPS://QR.ALIPAY.COM/FKX12345ABCDEFGHIJKLMN";

/** A real QR code PNG, the way a phone screenshot of a 收款码 decodes. */
export function qrPng(text: string, width = 400): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: "png", width, margin: 4, errorCorrectionLevel: "M" });
}

/** The same code as a JPEG (lossy), as phones save photos. */
export async function qrJpeg(text: string, width = 400): Promise<Buffer> {
  const png = PNG.sync.read(await qrPng(text, width));
  return jpeg.encode({ data: png.data, width: png.width, height: png.height }, 85).data;
}

/** A PNG picture with no QR code in it. */
export function blankPng(size = 64): Buffer {
  const png = new PNG({ width: size, height: size });
  png.data.fill(255);
  return PNG.sync.write(png);
}
