import { createHash } from "node:crypto";
import { config } from "@/lib/config";
import { type RawRequest } from "@/lib/notify/audit";
import { devicesFor } from "@/lib/devices/registry";
import { contentDedupeKey, ingest, malformed, unverified, type Examined, type NotifyResponse } from "@/lib/notify/ingest";
import { verifySmsForwarderSign } from "@/lib/notify/protocols/smsforwarder-sign";
import { readFields, type SmsForwarderRequest } from "@/lib/notify/protocols/smsforwarder-fields";
import { canonicalTimestamp, readMessage } from "@/lib/notify/protocols/smsforwarder-message";

/**
 * SmsForwarder's Webhook sender (POST /api/notify/smsforwarder, or GET with query parameters).
 * The sign covers only the timestamp, so: a short window; the request's identity (replay key) is
 * the timestamp, and a second request under it must say exactly the same thing (the app's retry)
 * or it is a replay; for POST only the body is read, never the URL; receipts are deduped by content.
 */
export function ingestSmsForwarder(raw: RawRequest): Promise<NotifyResponse> {
  return ingest(raw, () => examine(raw), fingerprint);
}

async function examine(raw: RawRequest): Promise<Examined> {
  const f = await readFields(raw);
  const deviceId = await verifyingDevice(f.timestamp, f.sign, f.device_mark ?? f.deviceid);
  // Verified, so the timestamp is canonical (verifySmsForwarderSign refuses any other spelling).
  const ts = canonicalTimestamp(f.timestamp)!;
  const replayKey = `smsforwarder:${deviceId}:${ts}`;
  const postedAt = new Date(Number(ts));
  const m = readMessage(f);
  if (m.kind === "malformed") throw malformed(m.message, deviceId);
  if (m.kind === "heartbeat") return { deviceId, replayKey, item: { kind: "heartbeat" } };
  if (m.kind === "unknown_template") {
    const dedupeKey = `smsforwarder:${deviceId}:${contentDedupeKey([m.pkg, m.content, ts])}`;
    return { deviceId, replayKey, item: { kind: "notification", parsed: { ignored: "unknown_template" }, dedupeKey, postedAt } };
  }
  // The phone's capture time keeps two genuine same-amount receipts apart; a ROM's double post shares it.
  const dedupeKey = `smsforwarder:${deviceId}:${contentDedupeKey([m.pkg, m.title, m.text, m.shown ?? ts])}`;
  return {
    deviceId,
    replayKey,
    item: { kind: "notification", text: { package: m.pkg, title: m.title, content: m.text }, dedupeKey, postedAt },
  };
}

/** What the request says, canonically: equal for the app's identical retry, different for any edit. */
async function fingerprint(r: SmsForwarderRequest): Promise<string> {
  const f = await readFields(r);
  return createHash("sha256")
    .update(JSON.stringify([canonicalTimestamp(f.timestamp), readMessage(f)]))
    .digest("hex");
}

async function verifyingDevice(timestamp: string | undefined, sign: string | undefined, hint: string | undefined): Promise<string> {
  if (!timestamp || !sign) {
    throw unverified("missing", "缺少 timestamp 或 sign：请在 SmsForwarder 的 Webhook 发送通道里填写 Secret。");
  }
  const devices = await devicesFor("smsforwarder", [hint]);
  if (!devices.length) throw unverified("unknown_device", "服务器未配置 SmsForwarder 密钥（SMSFORWARDER_SECRET 或设备）。");
  const toleranceMs = config().SMSFORWARDER_TOLERANCE_SECONDS * 1000;
  let reason: "stale" | "bad_timestamp" | "bad_signature" = "bad_signature";
  for (const d of devices) {
    const v = verifySmsForwarderSign({ timestamp, sign, secret: d.secret, nowMs: Date.now(), toleranceMs });
    if (v.ok) return d.id;
    if (v.reason === "stale" || v.reason === "bad_timestamp") reason = v.reason;
  }
  if (reason === "stale") throw unverified("stale", `时间戳超出 ±${toleranceMs / 1000} 秒：请校准手机时间，或检查转发是否被延迟。`);
  if (reason === "bad_timestamp") throw unverified("bad_timestamp", "timestamp 必须是毫秒数字（不以 0 开头）。");
  throw unverified("bad_signature", "签名无效：SmsForwarder 里的 Secret 与服务器不一致。");
}
