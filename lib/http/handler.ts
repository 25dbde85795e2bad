import { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { sameSiteJsonProblem } from "@/lib/http/origin";

/**
 * The wrapper every route handler goes through: it turns AppError and zod
 * failures into the JSON error shape and never lets an unexpected error leak
 * details to the client (they are logged with the request line instead).
 */
export type RouteContext<P = Record<string, string>> = { params: Promise<P> };
type Handler<P> = (req: Request, ctx: RouteContext<P>) => Promise<Response> | Response;

export function route<P = Record<string, string>>(fn: Handler<P>): Handler<P> {
  return async (req, ctx) => {
    try {
      // Checked before the handler runs (a rejected promise it never awaits would be an unhandled
      // rejection); Next.js passes no params (or no context) to routes without dynamic segments.
      const params = checkParams(await (ctx?.params ?? ({} as P)));
      return await fn(req, { ...ctx, params: Promise.resolve(params) });
    } catch (e) {
      return errorResponse(e, req);
    }
  };
}

/** A path segment that decodes to a NUL or a broken surrogate names nothing (and PostgreSQL rejects NUL in text). */
function checkParams<P>(params: P): P {
  if (!wellFormed(params)) throw new AppError("not_found", "地址不正确：路径中含有无效的字符。");
  return params;
}

/**
 * route() for a state-changing reader request: JSON from a page of this site
 * only (origin.ts sameSiteJsonProblem), checked before the handler runs.
 */
export function sameSiteRoute<P = Record<string, string>>(fn: Handler<P>): Handler<P> {
  return route<P>(async (req, ctx) => {
    const problem = sameSiteJsonProblem(req);
    if (problem?.status === "type") throw new AppError("unsupported_media_type", problem.message);
    if (problem) throw new AppError("forbidden", problem.message);
    return fn(req, ctx);
  });
}

function errorResponse(e: unknown, req?: Request): Response {
  if (isAppError(e)) {
    return json({ error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } }, e.status, e.headers);
  }
  if (e instanceof z.ZodError) {
    const first = e.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    return json({ error: { code: "invalid_input", message: `${where}${first?.message ?? "invalid input"}` } }, 400);
  }
  console.error(`[error] ${req?.method ?? ""} ${req ? new URL(req.url).pathname : ""}`, e);
  return json({ error: { code: "internal", message: "服务器内部错误，请稍后再试。" } }, 500);
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "private, no-store", ...headers },
  });
}

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

export function parseQuery<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  if (!wellFormed(query)) throw new AppError("invalid_input", "查询参数含有无效的字符。");
  return schema.parse(query);
}
