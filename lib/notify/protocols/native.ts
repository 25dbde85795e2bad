import { createHash } from "node:crypto";
import { z } from "zod";
import { type RawRequest } from "@/lib/notify/audit";
import { BOOTSTRAP_DEVICE_ID, devicesFor, findDemoDevice } from "@/lib/devices/registry";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { contentDedupeKey, ingest, malformed, unverified, type Examined, type NotifyResponse } from "@/lib/notify/ingest";
import { verifyNative, type SignedHeaders } from "@/lib/notify/native-signature";
import { chinaInstant } from "@/lib/china-time";

/**
 * The native protocol (POST /api/notify): a JSON body signed with Standard Webhooks headers.
 * The webhook-id is the dedupe key; "type":"heartbeat" keeps the device online.
 */
const payloadSchema = z.object({
  deviceid: z.string().trim().min(1, "deviceid 不能为空").max(100),
  type: z.enum(["notification", "heartbeat"]).optional(),
  title: z.string().max(500).optional().nullable(),
  content: z.string().max(4000).optional().nullable(),
  money: z.union([z.string(), z.number()]).optional().nullable(),
  time: z.string().max(40).optional().nullable(),
  package: z.string().max(200).optional().nullable(),
});

export function ingestNative(raw: RawRequest & { signed: SignedHeaders }): Promise<NotifyResponse> {
  return ingest(raw, () => examineNative(raw.body, raw.signed), bodyHash);
}

// The signature covers every byte of the body, so the body itself is what the request says.
const bodyHash = async (r: { body: string }) => createHash("sha256").update(r.body).digest("hex");

async function examineNative(body: string, signed: SignedHeaders): Promise<Examined> {
  const deviceId = await verifyingDevice(looseDeviceId(body), body, signed);

  let payload: z.infer<typeof payloadSchema>;
  try {
    payload = payloadSchema.parse(JSON.parse(body));
  } catch (e) {
    const detail = e instanceof z.ZodError ? e.issues[0]?.message : "请求体不是有效的 JSON";
    throw malformed(`通知格式错误：${detail}`, deviceId);
  }
  const key = `native:${deviceId}:${signed["webhook-id"]}`;
  const posted = postedAt(payload.time);
  if (payload.type === "heartbeat") return { deviceId, replayKey: key, item: { kind: "heartbeat" } };
  return {
    deviceId,
    replayKey: key,
    item: {
      kind: "notification",
      text: { package: payload.package, title: payload.title, content: payload.content },
      dedupeKey: key,
      // Some ROMs post one notification twice and forwarders then send it under
      // two webhook-ids; with the phone's posted time the content identifies it.
      // Without a time, identical texts can be distinct payments.
      contentKey: posted ? contentDedupeKey(["native", deviceId, payload.package, payload.title, payload.content, payload.time]) : null,
      postedAt: posted,
    },
  };
}

function looseDeviceId(body: string): string | null {
  try {
    const v = JSON.parse(body) as { deviceid?: unknown };
    return typeof v?.deviceid === "string" ? v.deviceid : null;
  } catch {
    return null;
  }
}

/**
 * The device named by deviceid if its own secret verifies, else the bootstrap device
 * (NOTIFY_SECRET, any deviceid), else — in demo mode only — the demo device.
 */
async function verifyingDevice(deviceId: string | null, body: string, signed: SignedHeaders): Promise<string> {
  const devices = await devicesFor("native", [deviceId, BOOTSTRAP_DEVICE_ID]);
  if (await isDemoMode()) {
    const demo = await findDemoDevice();
    if (demo?.enabled) devices.push(demo);
  }
  // Only the named device and the bootstrap device may sign for a deviceid.
  const candidates = devices.filter((d) => d.id === deviceId || d.kind !== "normal");
  let reason = candidates.length ? "bad_signature" : "unknown_device";
  for (const d of candidates) {
    const v = verifyNative(d.secret, body, signed);
    if (v.ok) return d.id;
    if (v.reason === "stale" || v.reason === "missing_headers") reason = v.reason;
  }
  throw unverified(
    reason,
    reason === "stale"
      ? "签名时间戳超出 ±5 分钟，请校准手机时间。"
      : reason === "missing_headers"
        ? "缺少签名头：需要 webhook-id、webhook-timestamp、webhook-signature。"
        : "签名无效：请检查设备 ID 和设备密钥（webhook-signature）。",
  );
}

/** The phone's "yyyy-MM-dd HH:mm:ss" (China time) as a Date, or null. */
function postedAt(time: string | null | undefined): Date | null {
  const m = time && /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(time.trim());
  if (!m) return null;
  const d = chinaInstant(`${m[1]}-${m[2]}-${m[3]}`, `${m[4]}:${m[5]}:${m[6]}`);
  return Number.isNaN(d.getTime()) ? null : d;
}
