"use client";
import useSWR from "swr";
import { api, ApiError, send } from "@/lib/client/api";

/**
 * Browser access to /api/admin/*, through the one fetch helper. An expired
 * session sends the owner to the login page; a route missing from this build
 * is reported as `missing` so pages can say "not available yet".
 */
async function toLoginOn401<T>(run: () => Promise<T>, url: string): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && typeof window !== "undefined" && !url.endsWith("/login")) {
      // A full navigation on purpose: the server-side page guard must run with the (missing) cookie.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.href = `/admin/login?next=${encodeURIComponent(window.location.pathname)}`;
    }
    throw e;
  }
}

function adminFetch<T>(url: string): Promise<T> {
  return toLoginOn401(() => api<T>(url), url);
}

/** A one-off GET (e.g. load a record into an editor). */
export function adminGet<T>(url: string): Promise<T> {
  return adminFetch<T>(url);
}

export function adminSend<T>(method: "POST" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<T> {
  return toLoginOn401(() => send<T>(method, url, body), url);
}

export function useAdmin<T>(url: string | null, refreshInterval = 0) {
  const swr = useSWR<T, ApiError>(url, (u: string) => adminFetch<T>(u), { refreshInterval, shouldRetryOnError: false });
  return { ...swr, missing: swr.error?.code === "missing" };
}

/** Runs an admin action, then refreshes; a failure is shown to the owner with the server's message. */
export async function adminAction(run: () => Promise<unknown>, then: () => unknown): Promise<void> {
  try {
    await run();
    await then();
  } catch (e) {
    alert(e instanceof ApiError ? e.message : "操作失败");
  }
}
