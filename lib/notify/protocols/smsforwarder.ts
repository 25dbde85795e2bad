import { config } from "@/lib/config";
import { type RawRequest } from "@/lib/notify/audit";
import { devicesFor } from "@/lib/devices/registry";
import { contentDedupeKey, ingest, malformed, unverified, type Examined, type NotifyResponse } from "@/lib/notify/ingest";
import { verifySmsForwarderSign } from "@/lib/notify/protocols/smsforwarder-sign";
import { readRendered } from "@/lib/notify/protocols/smsforwarder-template";

/**
 * SmsForwarder's Webhook sender (POST /api/notify/smsforwarder, or GET with query params).
 * Bodies: our JSON template (recommended, see docs/connect-phone.md), a form with fields named
 * after the placeholders, or the app's default form `from&content&timestamp&sign` whose content
 * is a multi-line rendered template (read best-effort by readRendered).
 * The sign covers only the timestamp: the window is short, a timestamp is accepted once per
 * body (retries resend it with the same body), and receipts are deduped by content.
 */
export function ingestSmsForwarder(raw: RawRequest, query = ""): Promise<NotifyResponse> {
  return ingest(raw, () => examine(raw.body, query));
}

type Fields = Record<string, string>;

async function examine(body: string, query: string): Promise<Examined> {
  const f = readFields(body, query);
  const timestamp = f.timestamp?.trim();
  const deviceId = await verifyingDevice(timestamp, f.sign, f.device_mark ?? f.deviceid);
  const replayKey = `smsforwarder:${deviceId}:${timestamp}`;
  const postedAt = new Date(Number(timestamp));

  const pkg = f.from ?? f.package ?? null;
  const structured = f.org_content ?? f.text;
  const raw = structured ?? f.content;
  if (raw === undefined) throw malformed("缺少通知内容：请使用文档中的 JSON 模板（含 [org_content]）。", deviceId);
  if (/^(heartbeat|心跳)$/i.test(raw.trim()) || f.type === "heartbeat") return { deviceId, replayKey, item: { kind: "heartbeat" } };

  let title = f.title;
  let text = raw;
  let shown = f.receive_time;
  // Without a title the parser cannot tell a contact's chat from the payment account.
  if (structured !== undefined && title === undefined) throw malformed("模板缺少 title 字段：请使用文档中的 JSON 模板。", deviceId);
  const rendered = structured === undefined ? readRendered(raw, pkg) : null;
  if (rendered) {
    ({ title, text } = rendered);
    shown ??= rendered.time;
  } else if (title === undefined) {
    const dedupeKey = `smsforwarder:${deviceId}:${contentDedupeKey([pkg, raw, timestamp])}`;
    return { deviceId, replayKey, item: { kind: "notification", parsed: { ignored: "unknown_template" }, dedupeKey, postedAt } };
  }
  // The app may append "#####<scheme>" to the title it calls simInfo.
  title = title?.split("#####")[0];
  // Posted time keeps two genuine same-amount receipts apart; a ROM's double post shares it.
  const dedupeKey = `smsforwarder:${deviceId}:${contentDedupeKey([pkg, title, text, shown ?? timestamp])}`;
  return { deviceId, replayKey, item: { kind: "notification", text: { package: pkg, title, content: text }, dedupeKey, postedAt } };
}

function readFields(body: string, query: string): Fields {
  const out: Fields = {};
  for (const [k, v] of new URLSearchParams(query)) out[k] = v;
  const trimmed = body.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      throw malformed("请求体不是有效的 JSON：请检查 SmsForwarder 的消息模板（引号、逗号）。");
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) throw malformed("请求体必须是 JSON 对象。");
    for (const [k, v] of Object.entries(data)) {
      if (typeof v === "string" || typeof v === "number") out[k] = String(v);
    }
  } else if (trimmed) {
    for (const [k, v] of new URLSearchParams(trimmed)) out[k] = v;
  }
  return out;
}

async function verifyingDevice(timestamp: string | undefined, sign: string | undefined, hint: string | undefined): Promise<string> {
  if (!timestamp || !sign) {
    throw unverified("missing", "缺少 timestamp 或 sign：请在 SmsForwarder 的 Webhook 发送通道里填写 Secret。");
  }
  const devices = await devicesFor("smsforwarder", [hint]);
  if (!devices.length) throw unverified("unknown_device", "服务器未配置 SmsForwarder 密钥（SMSFORWARDER_SECRET 或设备）。");
  const toleranceMs = config().SMSFORWARDER_TOLERANCE_SECONDS * 1000;
  let stale = false;
  for (const d of devices) {
    const v = verifySmsForwarderSign({ timestamp, sign, secret: d.secret, nowMs: Date.now(), toleranceMs });
    if (v.ok) return d.id;
    if (v.reason === "stale") stale = true;
  }
  if (stale) throw unverified("stale", `时间戳超出 ±${toleranceMs / 1000} 秒：请校准手机时间，或检查转发是否被延迟。`);
  throw unverified("bad_signature", "签名无效：SmsForwarder 里的 Secret 与服务器不一致。");
}
