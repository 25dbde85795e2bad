import { escapeUTF8 } from "entities";
import { z } from "zod";
import { AppError, INTERNAL_ERROR_MESSAGE, isAppError } from "@/lib/errors";
import { json, protocolJson } from "@/lib/http/response";

/**
 * How a door writes a refusal or a failure, in the shape its callers read:
 * - "json": our `{ error: { code, message } }` with the AppError's status (readers, the owner, our own notifier protocol);
 * - "epay": 易支付's `{ code: -1, msg }`, always HTTP 200 as its servers answer;
 * - "vmq": V免签's `{ code: -1, msg }`: the merchant API answers HTTP 200 with `data: null`;
 *   the monitor app keeps the status, since its forks resend on 5xx and must not on 4xx;
 * - "html": a small page saying what went wrong (易支付's submit.php: a browser is on the other end).
 * A failure nobody foresaw is logged with the request line and answered with one message.
 */
export type ErrorStyle = "json" | "epay" | "vmq" | "html";
export type ErrorWriter = (e: unknown, req: Request) => Response;

/** A zod failure is bad input like any other: the first issue, with where it is. */
function refusalOf(e: unknown): AppError | null {
  if (isAppError(e)) return e;
  if (e instanceof z.ZodError) {
    const first = e.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    return new AppError("invalid_input", `${where}${first?.message ?? "invalid input"}`);
  }
  return null;
}

function logged(e: unknown, req: Request): void {
  console.error(`[error] ${req.method} ${new URL(req.url).pathname}`, e);
}

/** The protocol's own code on a refusal (易支付 api.php uses -3, -4, -5 …; lib/gateway/http.ts refusal), else -1. */
function protocolCode(e: AppError | null): unknown {
  const d = e?.details;
  return d && typeof d === "object" && "code" in d ? d.code : -1;
}

export const jsonErrors: ErrorWriter = (e, req) => {
  const r = refusalOf(e);
  if (r) return json({ error: { code: r.code, message: r.message, ...(r.details ? { details: r.details } : {}) } }, r.status, r.headers);
  logged(e, req);
  return json({ error: { code: "internal", message: INTERNAL_ERROR_MESSAGE } }, 500);
};

export const epayErrors: ErrorWriter = (e, req) => {
  const r = refusalOf(e);
  if (!r) logged(e, req);
  return protocolJson({ code: protocolCode(r), msg: r?.message ?? INTERNAL_ERROR_MESSAGE });
};

export const vmqMerchantErrors: ErrorWriter = (e, req) => {
  const r = refusalOf(e);
  if (!r) logged(e, req);
  return protocolJson({ code: protocolCode(r), msg: r?.message ?? INTERNAL_ERROR_MESSAGE, data: null });
};

export const vmqAppErrors: ErrorWriter = (e, req) => {
  const r = refusalOf(e);
  if (r) return json({ code: -1, msg: r.message }, r.status, r.headers);
  logged(e, req);
  return json({ code: -1, msg: INTERNAL_ERROR_MESSAGE }, 500);
};

export const htmlErrors: ErrorWriter = (e, req) => {
  const r = refusalOf(e);
  if (!r) logged(e, req);
  const msg = escapeUTF8(r?.message ?? INTERNAL_ERROR_MESSAGE);
  const body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>支付失败</title></head><body style="font-family:sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1 style="font-size:1.25rem">无法发起支付</h1><p>${msg}</p><p style="color:#78716c">请返回商户网站重试，或联系商户。</p></body></html>`;
  return new Response(body, { status: 400, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
};
