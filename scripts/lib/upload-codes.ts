/**
 * Gives a live site real receiving codes through the admin API. Once a notifier
 * is configured the seeded demo codes are never handed out, so benchmarks,
 * the simulator and the e2e tests upload codes of their own, as an owner would.
 */
import QRCode from "qrcode";

const TEST_LIVE_CODES = {
  wechat: "wxp://f2f0LiveTestWechatUniversalCode",
  alipay: "https://qr.alipay.com/fkx0livetestalipayuniversal",
};

export async function uploadUniversalCodes(
  siteUrl: string,
  adminToken: string,
  codes: Record<string, string> = TEST_LIVE_CODES,
): Promise<void> {
  const form = new FormData();
  for (const [channel, payload] of Object.entries(codes)) {
    const png = await QRCode.toBuffer(payload, { type: "png", width: 400, margin: 4 });
    form.append("files", new Blob([new Uint8Array(png)], { type: "image/png" }), `${channel}.png`);
  }
  const res = await fetch(`${siteUrl}/api/admin/qr-codes`, {
    method: "POST",
    headers: { authorization: `Bearer ${adminToken}` },
    body: form,
  });
  // 409: these codes were uploaded before (a second run against the same database).
  if (!res.ok && res.status !== 409) throw new Error(`uploading receiving codes failed: ${res.status} ${await res.text()}`);
}
