import { config } from "@/lib/config";
import type { Channel } from "@/lib/channels";
import { yuanToCents } from "@/lib/money";
import { type RawRequest } from "@/lib/notify/audit";
import { devicesFor } from "@/lib/devices/registry";
import { MAX_CENTS } from "@/lib/notify/parse";
import { ingest, malformed, unverified, type Examined, type NotifyResponse } from "@/lib/notify/ingest";
import { verifyVmqHeart, verifyVmqPush, type SignCheck } from "@/lib/notify/protocols/vmq-sign";

/**
 * V免签 monitor app (vmqApk and forks), configured with "host/key": plain GETs to
 *   /appHeart?t=<ms>&sign=md5(t+key)                      every 30 s
 *   /appPush?t=<ms>&type=<1|2>&price=<str>&sign=md5(type+price+t+key)
 * The app already read the amount; the price string is verified as received, then converted
 * to cents with lib/money. Identical resends are deduped on (t, type, price, sign).
 */
const CHANNEL: Record<string, Channel> = { "1": "wechat", "2": "alipay" };

export function ingestVmq(raw: RawRequest, kind: "heart" | "push"): Promise<NotifyResponse> {
  return ingest(raw, () => examine(new URLSearchParams(raw.body), kind));
}

async function examine(q: URLSearchParams, kind: "heart" | "push"): Promise<Examined> {
  const p = { t: q.get("t")?.trim(), sign: q.get("sign")?.trim(), type: q.get("type")?.trim(), price: q.get("price")?.trim() };
  const deviceId = await verifyingDevice((key, window) =>
    kind === "heart" ? verifyVmqHeart({ ...p, key, ...window }) : verifyVmqPush({ ...p, key, ...window }),
  );
  if (kind === "heart") return { deviceId, replayKey: `vmq-heart:${deviceId}:${p.t}`, item: { kind: "heartbeat" } };

  const id = `vmq:${deviceId}:${p.t}:${p.type}:${p.price}`;
  const postedAt = new Date(Number(p.t));
  const channel = CHANNEL[p.type!];
  // Signed by the phone, so recorded as ignored (no retry would change it) rather than refused.
  if (!channel)
    return { deviceId, replayKey: id, item: { kind: "notification", parsed: { ignored: "unsupported_type" }, dedupeKey: id, postedAt } };
  const cents = yuanToCents(p.price!);
  if (cents === null || cents <= 0) throw malformed(`金额格式错误：price=${p.price!.slice(0, 20)}`, deviceId);
  // Same cap as the text parser: signed, so ignored (a resend would not change it), never stored as a payment.
  if (cents > MAX_CENTS)
    return { deviceId, replayKey: id, item: { kind: "notification", parsed: { ignored: "absurd_amount" }, dedupeKey: id, postedAt } };
  return { deviceId, replayKey: id, item: { kind: "notification", parsed: { channel, amountCents: cents }, dedupeKey: id, postedAt } };
}

type Check = (key: string, window: { nowMs: number; toleranceMs: number }) => SignCheck;

async function verifyingDevice(check: Check): Promise<string> {
  const devices = await devicesFor("vmq");
  if (!devices.length) throw unverified("unknown_device", "服务器未配置 V免签 密钥（VMQ_KEY 或设备）。");
  const window = { nowMs: Date.now(), toleranceMs: config().VMQ_TOLERANCE_SECONDS * 1000 };
  let reason: "missing" | "stale" | "bad_signature" = "bad_signature";
  for (const d of devices) {
    const v = check(d.secret, window);
    if (v.ok) return d.id;
    if (v.reason !== "bad_signature") reason = v.reason;
  }
  if (reason === "missing") throw malformed("缺少参数：需要 t、sign（收款推送还需要 type、price）。");
  if (reason === "stale") throw unverified("stale", `时间戳超出 ±${window.toleranceMs / 1000} 秒：请校准手机时间。`);
  throw unverified("bad_signature", "签名校验不通过：请检查监控端配置的通讯密钥。");
}
