/**
 * The one browser fetch helper: JSON (or FormData) in, JSON out, and the
 * server's error shape `{ error: { code, message } }` thrown as an ApiError
 * carrying the server's message. Reader pages and the admin both use it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfter?: number,
    /** The error's details, when the server sent some (e.g. { offerChannel } with 503 channel_unavailable / daily_limit). */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** What a server type looks like after JSON.stringify: Dates become ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends readonly (infer U)[]
      ? readonly Json<U>[]
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

export async function api<T>(url: string, init: RequestInit = {}): Promise<T> {
  const isForm = typeof FormData !== "undefined" && init.body instanceof FormData;
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      headers: isForm ? init.headers : { "content-type": "application/json", ...(init.headers ?? {}) },
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network", "网络错误，请检查网络后重试。");
  }
  const data = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  const retry = Number(res.headers.get("retry-after")) || undefined;
  // A route that does not exist in this build answers with Next.js's HTML 404, not our JSON.
  if (!err && res.status === 404) throw new ApiError(404, "missing", "此功能尚未启用（接口不存在）。");
  throw new ApiError(res.status, err?.code ?? "network", err?.message ?? `请求失败（${res.status}），请重试。`, retry, err?.details);
}

/** A JSON body for api(): `send("POST", url, {…})`. FormData is passed through. */
export function send<T>(method: "POST" | "PATCH" | "DELETE", url: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const payload = body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body);
  return api<T>(url, { ...init, method, body: payload });
}
