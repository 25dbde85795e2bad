/**
 * One outgoing request of an alert: a timeout well inside the job lease, and
 * an error that says what the service answered (shown to the owner as the
 * alert's last error).
 */
const TIMEOUT_MS = 15_000;

export class DeliveryError extends Error {}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  return request(url, { "content-type": "application/json", ...headers }, JSON.stringify(body));
}

export async function request(url: string, headers: Record<string, string>, body: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "error" });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = (e as Error).name === "TimeoutError" ? "超时（15 秒无响应）" : (cause?.code ?? cause?.message ?? (e as Error).message);
    throw new DeliveryError(`无法连接 ${hostOf(url)}：${why}`);
  }
  const text = await res.text().catch(() => "");
  if (!res.ok) throw new DeliveryError(`${hostOf(url)} 返回 HTTP ${res.status}：${text.slice(0, 200)}`);
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
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

/** Throws when a JSON answer's status field says the service refused the message. */
export function expectField(answer: unknown, field: string, ok: unknown, service: string): void {
  const o = (answer ?? {}) as Record<string, unknown>;
  if (o[field] !== ok) {
    const msg = o.errmsg ?? o.msg ?? o.message ?? o.description ?? JSON.stringify(answer)?.slice(0, 200);
    throw new DeliveryError(`${service} 拒绝了消息：${String(msg)}`);
  }
}
