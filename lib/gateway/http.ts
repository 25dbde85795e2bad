import { AppError, isAppError } from "@/lib/errors";
import { readText, wellFormed } from "@/lib/http/handler";
import { consume } from "@/lib/http/rate-limit";
import { addressKey } from "@/lib/http/address-key";
import { escapeUTF8 } from "entities";

/**
 * HTTP plumbing of the merchant protocols. Their clients read errors in the
 * protocol's own shape — `{code:-1,msg}` with HTTP 200 (易支付 mapi/api,
 * V免签), an HTML page (易支付 submit.php) — so these routes do not go
 * through route()'s `{error:{code,message}}`.
 */
export type Params = Record<string, string>;

/** Query parameters and a form or JSON body; values that are not text are dropped. */
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

/** `{code, msg}` replies, always HTTP 200 as the original servers answer. */
export function protocolJson(data: unknown): Response {
  return new Response(JSON.stringify(data), {
    status: 200,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

/** Runs a protocol handler; refusals become `{code:-1,msg}` (plus `data:null` for V免签), never a stack trace. */
export function protocolRoute(shape: "epay" | "vmq", fn: (req: Request) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    try {
      return await fn(req);
    } catch (e) {
      const msg = refusalText(e, req);
      const code = isAppError(e) && e.details && typeof e.details === "object" && "code" in e.details ? e.details.code : -1;
      return protocolJson(shape === "vmq" ? { code, msg, data: null } : { code, msg });
    }
  };
}

export function refusalText(e: unknown, req: Request): string {
  if (isAppError(e)) return e.message;
  console.error(`[gateway] ${req.method} ${new URL(req.url).pathname}`, e);
  return "服务器内部错误，请稍后再试";
}

/** A refusal with the protocol's own code (易支付 api.php uses -3, -4, -5 …). */
export const refusal = (code: number, msg: string) => new AppError("invalid_input", msg, { details: { code } });

/** Wrong signatures are counted per client address: guessing a key online is throttled. */
export async function badSign(ip: string, msg = "签名校验失败"): Promise<never> {
  await consume("gateway-bad-sign", addressKey(ip), 30, 60, "签名错误次数过多，请稍后再试");
  throw new AppError("unauthorized", msg);
}

/** submit.php's refusals: a browser is on the other end, so a small page that says what went wrong. */
export function htmlRefusal(msg: string): Response {
  const body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>支付失败</title></head><body style="font-family:sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1 style="font-size:1.25rem">无法发起支付</h1><p>${escapeUTF8(msg)}</p><p style="color:#78716c">请返回商户网站重试，或联系商户。</p></body></html>`;
  return new Response(body, { status: 400, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
