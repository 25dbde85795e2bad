import { createHmac } from "node:crypto";
import type { AlertConfig } from "@/lib/alerts/kinds";
import type { AlertMessage } from "@/lib/alerts/message";
import { expectField, postJson, type Reach } from "@/lib/alerts/senders/http";

/**
 * Group chat robots: WeCom (企业微信, no signing), DingTalk (钉钉, optional
 * 加签) and Feishu (飞书, optional 签名校验). Plain text messages.
 */
const content = (m: AlertMessage) => `${m.title}\n${m.text}`;

export async function sendWecom(c: AlertConfig<"wecom">, m: AlertMessage, reach: Reach): Promise<void> {
  const answer = await postJson(reach, c.url, { msgtype: "text", text: { content: content(m) } });
  expectField(answer, "errcode", 0, "企业微信");
}

/** DingTalk 加签: sign = base64(HMAC-SHA256(key = secret, msg = timestamp_ms + "\n" + secret)), URL-encoded in the query. */
export function dingtalkSignedUrl(url: string, secret: string, nowMs: number): string {
  const sign = createHmac("sha256", secret).update(`${nowMs}\n${secret}`).digest("base64");
  const u = new URL(url);
  u.searchParams.set("timestamp", String(nowMs));
  u.searchParams.set("sign", sign);
  return u.toString();
}

export async function sendDingtalk(c: AlertConfig<"dingtalk">, m: AlertMessage, reach: Reach, nowMs = Date.now()): Promise<void> {
  const url = c.secret ? dingtalkSignedUrl(c.url, c.secret, nowMs) : c.url;
  const answer = await postJson(reach, url, { msgtype: "text", text: { content: content(m) } });
  expectField(answer, "errcode", 0, "钉钉");
}

/** Feishu 签名校验: sign = base64(HMAC-SHA256(key = timestamp_s + "\n" + secret, msg = "")), sent in the body. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}

export async function sendFeishu(c: AlertConfig<"feishu">, m: AlertMessage, reach: Reach, nowMs = Date.now()): Promise<void> {
  const timestamp = Math.floor(nowMs / 1000);
  const signed = c.secret ? { timestamp: String(timestamp), sign: feishuSign(c.secret, timestamp) } : {};
  const answer = (await postJson(reach, c.url, { ...signed, msg_type: "text", content: { text: content(m) } })) as Record<
    string,
    unknown
  > | null;
  // Feishu answers {code:0} (older robots: {StatusCode:0, StatusMessage}).
  const old = answer && "StatusCode" in answer && !("code" in answer);
  expectField(old ? { code: answer.StatusCode, msg: answer.StatusMessage } : answer, "code", 0, "飞书");
}
