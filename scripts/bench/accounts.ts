/**
 * Extra receiving accounts for the bench (`--accounts N`), set up through the admin API as an
 * owner would: each gets a WeChat universal code and a native-protocol phone of its own.
 */
import QRCode from "qrcode";
import type { Phone } from "./site";

async function api<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Adds `extra` WeChat accounts; returns each one's phone by the payload of its code. */
export async function addWechatAccounts(url: string, token: string, extra: number): Promise<Map<string, Phone>> {
  const phones = new Map<string, Phone>();
  for (let i = 2; i <= extra + 1; i++) {
    const account = await api<{ id: string }>(url, token, "POST", "/api/admin/accounts", { channel: "wechat", name: `压测账户 ${i}` });
    const payload = `wxp://f2f0BenchAccount${i}Universal`;
    const form = new FormData();
    const png = await QRCode.toBuffer(payload, { type: "png", width: 400, margin: 4 });
    form.append("files", new Blob([new Uint8Array(png)], { type: "image/png" }), `account-${i}.png`);
    form.append("accountId", account.id);
    const up = await fetch(`${url}/api/admin/qr-codes`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
    if (!up.ok) throw new Error(`uploading account ${i}'s code failed: ${up.status} ${await up.text()}`);
    const device = await api<{ device: { id: string }; secret: string }>(url, token, "POST", "/api/admin/devices", {
      name: `压测手机 ${i}`,
      protocol: "native",
      accountId: account.id,
    });
    phones.set(payload, { device: device.device.id, secret: device.secret });
  }
  return phones;
}
