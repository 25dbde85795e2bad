/** A JSON answer; per reader or per owner, so never kept by a shared cache. */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "private, no-store", ...headers },
  });
}

/** `{ ok: true }`: the answer of a write with nothing more to say, e.g. `deleteThing(id).then(ok)`. */
export const ok = (): Response => json({ ok: true });
