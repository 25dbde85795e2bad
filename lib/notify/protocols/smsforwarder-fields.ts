// The fields of a SmsForwarder Webhook request, however the app encoded them (docs/connect-phone.md §1):
//   JSON (a template starting with "{", or Content-Type application/json / text/*),
//   application/x-www-form-urlencoded (the default when the template is empty or not JSON),
//   multipart/form-data (v3.0.0–v3.0.4 with an empty template),
//   or, for GET, the query string (which rawRequest stores as the body).
// For POST only the body counts: the sign covers the timestamp alone, so anything read from the
// URL of a captured request could be swapped at will.
import { malformed } from "@/lib/notify/ingest";

export type Fields = Record<string, string>;

/** The stored request: body, and the content-type among its kept headers. */
export interface SmsForwarderRequest {
  method: string;
  body: string;
  headers: Record<string, string>;
}

export async function readFields(r: SmsForwarderRequest): Promise<Fields> {
  // No prototype: a field named "__proto__" or "constructor" is just a field.
  const out: Fields = Object.create(null);
  const type = (r.headers["content-type"] ?? "").toLowerCase();
  const trimmed = r.body.trim();
  if (r.method !== "GET" && type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await new Response(r.body, { headers: { "content-type": r.headers["content-type"] } }).formData();
    } catch {
      throw malformed("表单（multipart/form-data）无法解析：请升级 SmsForwarder，或使用文档中的 JSON 模板。");
    }
    for (const [k, v] of form) if (typeof v === "string") out[k] = v;
  } else if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
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
