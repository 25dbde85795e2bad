/** Browser-side fetch that turns the server's JSON error shape into an ApiError. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly retryAfter?: number) {
    super(message);
  }
}

export async function api<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, {
    ...init,
    headers: { "content-type": "application/json", ...(init.headers ?? {}) },
    cache: "no-store",
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    const retry = Number(res.headers.get("retry-after")) || undefined;
    throw new ApiError(res.status, err?.code ?? "network", err?.message ?? `请求失败（${res.status}），请重试。`, retry);
  }
  return data as T;
}

export interface OrderDto {
  id: string;
  slug: string;
  channel: "wechat" | "alipay";
  status: "pending" | "paid" | "expired" | "cancelled";
  amountCents: number;
  listPriceCents: number;
  qr: { payload: string; fixedAmount: boolean } | null;
  expiresAt: string;
  paidAt: string | null;
  serverTime: string;
}
