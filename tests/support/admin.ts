import { expect } from "vitest";
import { POST as login } from "@/app/api/admin/login/route";
import { call, cookieFrom, makeRequest, peerHeaders, type CallOptions } from "./http";

export const ADMIN_PASSWORD = "correct horse battery staple";
export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

/** Turns the admin on (password and bearer token) for this test. */
export function enableAdmin(): void {
  process.env.ADMIN_PASSWORD = ADMIN_PASSWORD;
  process.env.ADMIN_TOKEN = ADMIN_TOKEN;
}

/** Logs in through the real login route and returns the Cookie header value. */
export async function adminCookie(): Promise<string> {
  const res = await call(login, makeRequest("POST", "/api/admin/login", { body: { password: ADMIN_PASSWORD } }));
  expect(res.status).toBe(200);
  return cookieFrom(res);
}

export type Via = "session" | "token";

/** A request authenticated one of the two ways a browser or a script would. */
export async function adminRequest(via: Via, method: string, path: string, opts: CallOptions = {}): Promise<Request> {
  if (via === "token")
    return makeRequest(method, path, { ...opts, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(opts.headers ?? {}) } });
  return makeRequest(method, path, {
    ...opts,
    cookie: await adminCookie(),
    headers: { "sec-fetch-site": "same-origin", ...(opts.headers ?? {}) },
  });
}

/** A multipart upload of image files, authenticated like adminRequest. */
export async function uploadRequest(
  via: Via,
  files: { name: string; bytes: Buffer; type?: string }[],
  fields: Record<string, string> = {},
): Promise<Request> {
  const form = new FormData();
  for (const f of files) form.append("files", new Blob([new Uint8Array(f.bytes)], { type: f.type ?? "image/png" }), f.name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const headers: Record<string, string> = peerHeaders();
  if (via === "token") headers.authorization = `Bearer ${ADMIN_TOKEN}`;
  else Object.assign(headers, { cookie: await adminCookie(), "sec-fetch-site": "same-origin" });
  return new Request("http://localhost:3000/api/admin/qr-codes", { method: "POST", headers, body: form });
}

/** A bill upload to POST /api/admin/reconcile (multipart `file`), with the bearer token; `query` e.g. "?accountId=…". */
export function billUploadRequest(bytes: Buffer, name: string, query = ""): Request {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  return new Request(`http://localhost:3000/api/admin/reconcile${query}`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...peerHeaders() },
    body: form,
  });
}
