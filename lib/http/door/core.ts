import { z } from "zod";
import { AppError } from "@/lib/errors";
import { wellFormed } from "@/lib/http/request";
import type { ErrorWriter } from "@/lib/http/door/errors";

/**
 * The one core behind every route handler (lib/http/door/index.ts names the callers):
 *   path segments resolved once and checked for text a database can hold (404)
 *   → the caller admitted (who may call: 401/403/415, or the caller's context)
 *   → segments parsed with the route's zod schema → the handler
 *   → the caller's after-step on the answer (a new reader's cookie, dropped page caches)
 * and any throw on the way is written by the route's error writer. Route files hold no try/catch.
 */
export type Segments = Record<string, string>;

/** What Next.js calls: the context carries the path's segments (absent for a route without any). */
export type RouteHandler = (req: Request, ctx: { params: Promise<Segments> }) => Promise<Response>;

/** Who is calling, as a caller kind found out: what the handler gets, and what to do with its answer. */
export interface Admission<C> {
  call: C;
  after?: (res: Response) => Response;
}

export type Admit<C> = (req: Request) => Promise<Admission<C>> | Admission<C>;

export type Handler<C, P> = (call: C & { req: Request; params: P }) => Promise<Response> | Response;

export interface CoreOptions<P> {
  /** The path's segments as the handler gets them, parsed once after the caller was admitted. */
  params?: z.ZodType<P>;
}

export function door<C, P>(admit: Admit<C>, write: ErrorWriter, fn: Handler<C, P>, opts: CoreOptions<P> = {}): RouteHandler {
  return async (req, ctx) => {
    try {
      // Next.js passes no context (or no params) to a route without segments.
      const raw = ((await ctx?.params) ?? {}) as Segments;
      if (!wellFormed(raw)) throw new AppError("not_found", "地址不正确：路径中含有无效的字符。");
      const { call, after } = await admit(req);
      const params = (opts.params ? opts.params.parse(raw) : raw) as P;
      const res = await fn({ ...call, req, params });
      return after ? after(res) : res;
    } catch (e) {
      return write(e, req);
    }
  };
}

/** The zod schema of plain path segments, e.g. `segments("id")` for `[id]`. */
export function segments<const K extends string>(...names: K[]): z.ZodType<Record<K, string>> {
  return z.object(Object.fromEntries(names.map((n) => [n, z.string()]))) as unknown as z.ZodType<Record<K, string>>;
}
