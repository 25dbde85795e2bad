/**
 * Copy-paste setup for each notifier app, from the site's public URL and the
 * device's secret. Pure: the admin page builds it in the browser (with the
 * address the owner is actually using) and the API returns it once after
 * create / rotate.
 */
import type { Protocol } from "@/lib/protocols";

export interface DeviceSetup {
  protocol: Protocol;
  /** Where the app sends requests. */
  url: string;
  /** Text to paste into the app (template, host/key, or a shell example). */
  text: string;
  /** Text worth rendering as a QR code to scan with the phone, when the app supports it. */
  qr?: string;
}

export function deviceSetup(origin: string, device: { id: string; protocol: string }, secret: string): DeviceSetup {
  const base = origin.replace(/\/+$/, "");
  if (device.protocol === "smsforwarder") {
    // The template of docs/connect-phone.md, plus this device's id so the server
    // tries its secret first when there are several phones.
    const template = {
      deviceid: device.id,
      from: "[from]",
      title: "[title]",
      org_content: "[org_content]",
      receive_time: "[receive_time]",
      timestamp: "[timestamp]",
      sign: "[sign]",
      device_mark: "[device_mark]",
    };
    return { protocol: "smsforwarder", url: `${base}/api/notify/smsforwarder`, text: JSON.stringify(template, null, 2) };
  }
  if (device.protocol === "vmq") {
    // The V免签 app takes "host/key" and calls http(s)://host/appHeart and /appPush itself.
    const hostKey = `${base.replace(/^https?:\/\//, "")}/${secret}`;
    return { protocol: "vmq", url: `${base}/appPush`, text: hostKey, qr: hostKey };
  }
  const url = `${base}/api/notify`;
  const text = [
    `SECRET='${secret}'`,
    `BODY='{"deviceid":"${device.id}","type":"heartbeat"}'`,
    `ID="msg_$(date +%s%N)"; TS=$(date +%s)`,
    `KEY=$(printf '%s' "\${SECRET#whsec_}" | base64 -d | od -An -tx1 | tr -d ' \\n')`,
    `SIG=$(printf '%s' "$ID.$TS.$BODY" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY -binary | base64)`,
    `curl -sS -X POST '${url}' -H 'content-type: application/json' \\`,
    `  -H "webhook-id: $ID" -H "webhook-timestamp: $TS" -H "webhook-signature: v1,$SIG" -d "$BODY"`,
  ].join("\n");
  return { protocol: "native", url, text };
}
