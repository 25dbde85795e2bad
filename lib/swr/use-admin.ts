"use client";
import useSWR from "swr";

/**
 * Browser access to /api/admin/*. An expired session sends the owner to the
 * login page; an endpoint that does not exist in this build (a Next.js HTML
 * 404 rather than our JSON error) is reported as `missing` so pages can say
 * "not available yet" instead of breaking.
 */
export class AdminError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export async function adminFetch<T>(url: string, init: RequestInit = {}): Promise<T> {
  const isForm = typeof FormData !== "undefined" && init.body instanceof FormData;
  const res = await fetch(url, {
    ...init,
    headers: isForm ? init.headers : { "content-type": "application/json", ...(init.headers ?? {}) },
    cache: "no-store",
    credentials: "same-origin",
  });
  const data = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
  if (res.status === 401 && typeof window !== "undefined" && !url.endsWith("/login")) {
    window.location.assign(`/admin/login?next=${encodeURIComponent(window.location.pathname)}`);
  }
  if (!err && res.status === 404) throw new AdminError(404, "missing", "此功能尚未启用（接口不存在）。");
  throw new AdminError(res.status, err?.code ?? "network", err?.message ?? `请求失败（${res.status}），请重试。`);
}

export function adminSend<T>(method: "POST" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<T> {
  return adminFetch<T>(url, { method, body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body) });
}

export function useAdmin<T>(url: string | null, refreshInterval = 0) {
  const swr = useSWR<T, AdminError>(url, (u: string) => adminFetch<T>(u), { refreshInterval, shouldRetryOnError: false });
  return { ...swr, missing: swr.error?.code === "missing" };
}

/** Runs an admin action, then refreshes; a failure is shown to the owner with the server's message. */
export async function adminAction(run: () => Promise<unknown>, then: () => unknown): Promise<void> {
  try {
    await run();
    await then();
  } catch (e) {
    alert(e instanceof AdminError ? e.message : "操作失败");
  }
}
