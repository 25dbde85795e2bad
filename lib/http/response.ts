/** A JSON answer; per reader or per owner, so never kept by a shared cache. */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "private, no-store", ...headers },
  });
}

/** The merchant protocols' `{code, msg}` replies (易支付, V免签), always HTTP 200 as the original servers answer. */
export function protocolJson(data: unknown): Response {
  return new Response(JSON.stringify(data), {
    status: 200,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

/** `{ ok: true }`: the answer of a write with nothing more to say, e.g. `deleteThing(id).then(ok)`. */
export const ok = (): Response => json({ ok: true });
