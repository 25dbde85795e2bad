import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Reading a request: bodies under a byte cap, JSON and query strings against a
 * zod schema, the flat parameters of the merchant protocols. Text a database
 * cannot store (NUL, a lone UTF-16 surrogate) is refused here, at the edge.
 */

/**
 * Reads a request body with a byte cap, so a huge upload cannot exhaust
 * memory: the declared length is checked first, then the bytes as they arrive.
 */
export async function readBytes(req: Request, maxBytes: number, tooLarge: () => AppError): Promise<Buffer> {
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body as text, at most maxBytes (413 payload_too_large past it); NUL bytes are refused (400). */
export async function readText(req: Request, maxBytes = 64 * 1024): Promise<string> {
  const bytes = await readBytes(req, maxBytes, () => new AppError("payload_too_large", `请求体过大（上限 ${maxBytes} 字节）。`));
  // No client sends NUL in text (a UTF-16 body does): refuse it before anything stores it.
  if (bytes.includes(0)) throw new AppError("invalid_input", "请求体含有 NUL 字节：请用 UTF-8 编码的文本。");
  return bytes.toString("utf8");
}

/** Parses a JSON body against a zod schema; bad JSON and bad fields are 400s. */
export async function readJson<T extends z.ZodType>(req: Request, schema: T, maxBytes?: number): Promise<z.infer<T>> {
  const text = await readText(req, maxBytes);
  let data: unknown;
  try {
    data = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "请求体不是有效的 JSON。");
  }
  // JSON may spell a NUL or a lone UTF-16 surrogate ("\u0000", "\ud800"): never text anyone meant,
  // and the database drivers reject them (PostgreSQL text cannot hold NUL).
  if (!wellFormed(data)) throw new AppError("invalid_json", "请求体含有无效的字符（NUL 或不成对的 Unicode 代理项）。");
  return schema.parse(data);
}

export function parseQuery<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  if (!wellFormed(query)) throw new AppError("invalid_input", "查询参数含有无效的字符。");
  return schema.parse(query);
}

/** NUL, or a UTF-16 surrogate without its pair. */
const INVALID_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when every string (and key) in the value is text a database can store: no NUL, no lone surrogate. */
export function wellFormed(root: unknown): boolean {
  const stack = [root];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (INVALID_TEXT.test(v)) return false;
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (INVALID_TEXT.test(k)) return false;
        stack.push(x);
      }
    }
  }
  return true;
}

export type Params = Record<string, string>;

/**
 * The flat parameters of the merchant protocols (易支付, V免签): the query and a
 * form or JSON body (POST only); values that are not text are dropped.
 */
export async function readParams(req: Request): Promise<{ query: Params; body: Params }> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  let body: Params = {};
  if (req.method === "POST") {
    const text = await readText(req, 32 * 1024);
    const type = req.headers.get("content-type") ?? "";
    if (type.includes("json")) {
      try {
        const o = JSON.parse(text) as Record<string, unknown>;
        body = Object.fromEntries(
          Object.entries(o ?? {})
            .filter(([, v]) => ["string", "number"].includes(typeof v))
            .map(([k, v]) => [k, String(v)]),
        );
      } catch {
        throw new AppError("invalid_json", "请求体不是有效的 JSON");
      }
    } else body = Object.fromEntries(new URLSearchParams(text));
  }
  if (!wellFormed(query) || !wellFormed(body)) throw new AppError("invalid_input", "参数含有无效的字符");
  return { query, body };
}
