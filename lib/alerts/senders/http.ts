import { STATUS_CODES } from "node:http";
import { OutboundError, send } from "@/lib/http/outbound";

/**
 * One outgoing request of an alert, through lib/http/outbound.ts: a hard
 * overall deadline (15 s, connect + headers + body), public addresses only
 * unless the owner ticked 允许内网地址 for this alert, no redirects. A failure
 * says the status and a short reason — never the answer's body, which from an
 * address the owner did not mean to reach could be anything (shown to the
 * owner as the alert's last error).
 */
export class DeliveryError extends Error {}

/** Where an alert may send: whether its URL may be a private / loopback address. */
export interface Reach {
  allowPrivate: boolean;
}

export async function postJson(reach: Reach, url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  return request(reach, url, { "content-type": "application/json", ...headers }, JSON.stringify(body));
}

export async function request(reach: Reach, url: string, headers: Record<string, string>, body: string): Promise<unknown> {
  let res: { status: number; body: string };
  try {
    res = await send({ method: "POST", url, headers, body, allowPrivate: reach.allowPrivate });
  } catch (e) {
    const why = e instanceof OutboundError ? e.message : "无法连接";
    throw new DeliveryError(`${hostOf(url)}：${why}`);
  }
  if (res.status < 200 || res.status >= 300) {
    throw new DeliveryError(`${hostOf(url)} 返回 HTTP ${res.status}（${STATUS_CODES[res.status] ?? "未知状态"}）`);
  }
  try {
    return res.body ? JSON.parse(res.body) : null;
  } catch {
    return res.body;
  }
}

/** The host only: webhook URLs often carry their access token in the path or query. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "（无效地址）";
  }
}

/**
 * Throws when a JSON answer's status field says the service refused the message: with the service's own
 * error code and message (cut short), the documented fields of its API, not the whole answer.
 */
export function expectField(answer: unknown, field: string, ok: unknown, service: string): void {
  const o = (answer && typeof answer === "object" ? answer : {}) as Record<string, unknown>;
  if (o[field] === ok) return;
  const msg = [o.errmsg, o.msg, o.message, o.description].find((v) => typeof v === "string") as string | undefined;
  const code = o[field] === undefined ? "" : `${field} ${String(o[field]).slice(0, 20)}`;
  const reason = [code, msg ? msg.slice(0, 80) : ""].filter(Boolean).join("：") || "回复不是预期的格式";
  throw new DeliveryError(`${service} 拒绝了消息（${reason}）`);
}
