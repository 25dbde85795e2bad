import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { annotate, recordRequest, type RawRequest } from "@/lib/notify/audit";
import { verifyNative, type SignedHeaders } from "@/lib/notify/native-signature";
import { BOOTSTRAP_DEVICE_ID, DEMO_DEVICE_ID, isDemoMode, markSeen, syncBootstrapDevice } from "@/lib/notify/devices";
import { isNoisy, noisyError, noteFailure } from "@/lib/notify/guard";
import { parseNotification } from "@/lib/notify/parse";
import { settlePayment } from "@/lib/payments/settle";

/** The seed's payload, plus optional package and type. Unknown fields are kept in the raw log only. */
const payloadSchema = z.object({
  deviceid: z.string().trim().min(1, "deviceid 不能为空").max(100),
  type: z.enum(["notification", "heartbeat"]).optional(),
  title: z.string().max(500).optional().nullable(),
  content: z.string().max(4000).optional().nullable(),
  money: z.union([z.string(), z.number()]).optional().nullable(),
  time: z.string().max(40).optional().nullable(),
  package: z.string().max(200).optional().nullable(),
});

export type NotifyResponse =
  | { result: "matched" | "late_matched"; orderId: string }
  | { result: "unmatched"; suspectedDuplicate?: true }
  | { result: "duplicate" }
  | { result: "ignored"; reason: string };

/**
 * POST /api/notify: record raw → verify → parse → settle, answering only
 * after the settlement has committed (a crash before that means no 200, and
 * the phone retries; the dedupe key makes the retry safe).
 */
export async function ingestNative(raw: RawRequest & { signed: SignedHeaders }): Promise<NotifyResponse> {
  // A noisy address's requests are stored only once they verify (see guard.ts).
  const noisy = await isNoisy(raw.remoteIp);
  const early = noisy ? null : await recordRequest(raw);

  const deviceHint = looseDeviceId(raw.body);
  const device = await findVerifyingDevice(deviceHint, raw.body, raw.signed);
  if (!device.ok && !early) throw noisyError();
  const notificationId = early ?? (await recordRequest(raw));
  if (!device.ok) {
    await annotate(notificationId, { verifyResult: device.reason, outcome: "rejected" });
    await noteFailure(raw.remoteIp);
    const msg = device.reason === "stale" ? "签名时间戳超出 ±5 分钟，请校准手机时间。" : "签名无效：请检查设备密钥（webhook-signature）。";
    throw new AppError("unauthorized", msg);
  }

  let payload: z.infer<typeof payloadSchema>;
  try {
    payload = payloadSchema.parse(JSON.parse(raw.body));
  } catch (e) {
    await annotate(notificationId, { deviceId: device.id, verifyResult: "ok", outcome: "rejected" });
    const detail = e instanceof z.ZodError ? e.issues[0]?.message : "请求体不是有效的 JSON";
    throw new AppError("invalid_input", `通知格式错误：${detail}`);
  }

  if (payload.type === "heartbeat") {
    await markSeen(device.id, "heartbeat");
    await annotate(notificationId, { deviceId: device.id, verifyResult: "ok", outcome: "heartbeat" });
    return { result: "ignored", reason: "heartbeat" };
  }
  await markSeen(device.id, "notification");

  const parsed = parseNotification({ package: payload.package, title: payload.title, content: payload.content });
  if ("ignored" in parsed) {
    await annotate(notificationId, { deviceId: device.id, verifyResult: "ok", parseResult: parsed, outcome: "ignored" });
    return { result: "ignored", reason: parsed.ignored };
  }

  const webhookId = raw.signed["webhook-id"] ?? "";
  const posted = postedAt(payload.time);
  const settled = await settlePayment({
    channel: parsed.channel,
    amountCents: parsed.amountCents,
    dedupeKey: `native:${device.id}:${webhookId}`,
    // Some ROMs post one notification twice and forwarders then send it under
    // two webhook-ids; with the phone's posted time (seconds) the content
    // identifies it. Without a time, identical texts can be distinct payments.
    contentKey: posted ? contentDedupeKey(["native", device.id, payload.package, payload.title, payload.content, payload.time]) : null,
    notificationId,
    postedAt: posted,
  });
  await annotate(notificationId, { deviceId: device.id, verifyResult: "ok", parseResult: parsed, outcome: settled.result });
  if (settled.result === "matched" || settled.result === "late_matched") return { result: settled.result, orderId: settled.orderId };
  if (settled.result === "unmatched" && settled.suspectedDuplicateOf !== undefined) return { result: "unmatched", suspectedDuplicate: true };
  return { result: settled.result };
}

/** Content-based dedupe key for protocols without a message id. */
export function contentDedupeKey(parts: (string | null | undefined)[]): string {
  return createHash("sha256").update(parts.map((p) => p ?? "").join("\u0000")).digest("hex");
}

function looseDeviceId(body: string): string | null {
  try {
    const v = JSON.parse(body) as { deviceid?: unknown };
    return typeof v?.deviceid === "string" ? v.deviceid : null;
  } catch {
    return null;
  }
}

type Verified = { ok: true; id: string } | { ok: false; reason: string };

/** The named device if it exists, else the bootstrap device (any deviceid), else the demo device in demo mode. */
async function findVerifyingDevice(deviceId: string | null, body: string, signed: SignedHeaders): Promise<Verified> {
  await syncBootstrapDevice();
  const ids = [deviceId, BOOTSTRAP_DEVICE_ID].filter((x): x is string => !!x);
  if (await isDemoMode()) ids.push(DEMO_DEVICE_ID);
  const devices = await db().device.findMany({ where: { id: { in: ids }, enabled: true, protocol: "native" } });
  devices.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  let reason = devices.length ? "bad_signature" : "unknown_device";
  for (const d of devices) {
    const v = verifyNative(d.secret, body, signed);
    if (v.ok) return { ok: true, id: d.id };
    if (v.reason === "stale" || v.reason === "missing_headers") reason = v.reason;
  }
  return { ok: false, reason };
}

/** The phone's "yyyy-MM-dd HH:mm:ss" (China time) as a Date, or null. */
function postedAt(time: string | null | undefined): Date | null {
  const m = time && /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(time.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}
