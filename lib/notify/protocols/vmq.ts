import { createHash } from "node:crypto";
import { config } from "@/lib/config";
import type { Channel } from "@/lib/channels";
import { type RawRequest } from "@/lib/notify/audit";
import { devicesFor } from "@/lib/devices/registry";
import { MAX_CENTS } from "@/lib/notify/parse";
import { ingest, malformed, unverified, type Examined, type NotifyResponse } from "@/lib/notify/ingest";
import { vmqPriceToCents } from "@/lib/notify/protocols/vmq-price";
import { verifyVmqHeart, verifyVmqPush, type SignCheck } from "@/lib/notify/protocols/vmq-sign";

/**
 * V免签 monitor app (vmqApk and forks), configured with "host/key": plain GETs to
 *   /appHeart?t=<ms>&sign=md5(t+key)                      every 30 s
 *   /appPush?t=<ms>&type=<1|2>&price=<str>&sign=md5(type+price+t+key)
 * (hulisang's fork: /api/monitor/heart and /api/monitor/push). The app already read the
 * amount; the price string is verified as received, then converted to cents. Keys are built
 * from the values (t, type, cents), never from the spelling, and other parameters (a fork's
 * unsigned &force_push=true on resends) are ignored.
 */
const CHANNEL: Record<string, Channel> = { "1": "wechat", "2": "alipay" };

export type VmqKind = "heart" | "push";

/**
 * The answer to /appHeart and /appPush, in the shape V免签 servers use. The original app fires one
 * GET and treats any HTTP answer as delivered; forks resend on network errors or non-2xx. So 200
 * {"code":1} means "stored, do not resend" (matched, unmatched-but-recorded, duplicate, ignored);
 * refusals a resend cannot fix are 4xx with {"code":-1,"msg"} (bad key 401, stale 401, malformed
 * 400, 413, 429: the door's "vmq" errors), and only a server fault is 5xx so that a fork tries again.
 */
export async function vmqReply(raw: RawRequest, kind: VmqKind): Promise<{ code: 1; msg: string; data: NotifyResponse }> {
  return { code: 1, msg: "成功", data: await ingestVmq(raw, kind) };
}

export function ingestVmq(raw: RawRequest, kind: VmqKind): Promise<NotifyResponse> {
  return ingest(
    raw,
    () => examine(new URLSearchParams(raw.body), kind),
    async (r) => fingerprint(r.body, kind),
  );
}

const fields = (q: URLSearchParams) => ({
  t: q.get("t")?.trim(),
  sign: q.get("sign")?.trim(),
  type: q.get("type")?.trim(),
  price: q.get("price")?.trim(),
});

async function examine(q: URLSearchParams, kind: VmqKind): Promise<Examined> {
  const p = fields(q);
  const deviceId = await verifyingDevice((key, window) =>
    kind === "heart" ? verifyVmqHeart({ ...p, key, ...window }) : verifyVmqPush({ ...p, key, ...window }),
  );
  // Verified, so t is canonical: digits without a leading zero, inside the window.
  if (kind === "heart") return { deviceId, replayKey: `vmq-heart:${deviceId}:${p.t}`, item: { kind: "heartbeat" } };
  const postedAt = new Date(Number(p.t));
  const channel = CHANNEL[p.type!];
  const cents = vmqPriceToCents(p.price!);
  const id = `vmq:${deviceId}:${p.t}:${p.type}:${cents ?? p.price}`;
  const notification = (parsed: Exclude<Examined["item"], { kind: "heartbeat" }>["parsed"]) => ({
    deviceId,
    replayKey: id,
    item: { kind: "notification" as const, parsed, dedupeKey: id, postedAt },
  });
  // Signed by the phone, so recorded as ignored (no retry would change it) rather than refused.
  if (!channel) return notification({ ignored: "unsupported_type" });
  if (cents === null || cents <= 0) throw malformed(`金额格式错误：price=${p.price!.slice(0, 20)}`, deviceId);
  // Same cap as the text parser: signed, so ignored (a resend would not change it), never stored as a payment.
  if (cents > MAX_CENTS) return notification({ ignored: "absurd_amount" });
  return notification({ channel, amountCents: cents });
}

/** What the request says: the signed values, so "1.0" and "1.00", or an added &force_push, do not differ. */
function fingerprint(query: string, kind: VmqKind): string {
  const p = fields(new URLSearchParams(query));
  const said = kind === "heart" ? [kind, p.t] : [kind, p.t, p.type, p.price && (vmqPriceToCents(p.price) ?? p.price)];
  return createHash("sha256").update(JSON.stringify(said)).digest("hex");
}

type Check = (key: string, window: { nowMs: number; toleranceMs: number }) => SignCheck;

async function verifyingDevice(check: Check): Promise<string> {
  const devices = await devicesFor("vmq");
  if (!devices.length) throw unverified("unknown_device", "服务器未配置 V免签 密钥（VMQ_KEY 或设备）。");
  const window = { nowMs: Date.now(), toleranceMs: config().VMQ_TOLERANCE_SECONDS * 1000 };
  let reason: Exclude<SignCheck, { ok: true }>["reason"] = "bad_signature";
  for (const d of devices) {
    const v = check(d.secret, window);
    if (v.ok) return d.id;
    if (v.reason !== "bad_signature") reason = v.reason;
  }
  if (reason === "missing") throw malformed("缺少参数：需要 t、sign（收款推送还需要 type、price）。");
  if (reason === "stale") throw unverified("stale", `时间戳超出 ±${window.toleranceMs / 1000} 秒：请校准手机时间。`);
  if (reason === "bad_timestamp") throw unverified("bad_timestamp", "时间戳 t 必须是毫秒数字（不以 0 开头）。");
  throw unverified("bad_signature", "签名校验不通过：请检查监控端配置的通讯密钥。");
}
