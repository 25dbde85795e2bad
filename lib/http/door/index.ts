import { AppError } from "@/lib/errors";
import { sameOrigin, sameSiteJsonProblem } from "@/lib/http/origin";
import { readParams, readText, type Params } from "@/lib/http/request";
import { authenticateOwner, READ_METHODS, type OwnerAuth } from "@/lib/auth/request";
import { ownerChangedContent } from "@/lib/admin/content";
import { existingReader, existingSession, readerFromRequest } from "@/lib/readers/request";
import type { ReaderCookie } from "@/lib/readers/session";
import { MAX_NOTIFY_BODY, rawRequest, type RawRequest } from "@/lib/notify/audit";
import { door, type Admission, type Handler, type RouteHandler, type CoreOptions } from "@/lib/http/door/core";
import { epayErrors, htmlErrors, jsonErrors, vmqAppErrors, vmqMerchantErrors } from "@/lib/http/door/errors";

/**
 * The one door every route handler goes through: one function per kind of caller, all on one
 * core (core.ts), so a route's first line says who may call it and how its errors are written,
 * and its handler gets the path's segments resolved and parsed (`params`). Like dub's
 * withWorkspace / withSession family. Route files hold no try/catch.
 *
 *   export const GET = owner(async ({ params }) => json(await getThing(params.id)), { params: segments("id") });
 */
export { segments, type RouteHandler } from "@/lib/http/door/core";
export { json, ok } from "@/lib/http/response";
export { parseQuery, readJson, readText } from "@/lib/http/request";

const forbiddenCrossSite = () => new AppError("forbidden", "跨站请求被拒绝。");

/**
 * Anyone on the internet: public reads (health, feeds, the post list, media), and the owner's ways
 * in that check their own secret (login, first-run setup). `sameOrigin`: only from a page of this
 * site (a browser saying otherwise is refused with 403).
 */
export function anyone<P = Params>(fn: Handler<object, P>, opts: CoreOptions<P> & { sameOrigin?: boolean } = {}): RouteHandler {
  const admit = (req: Request): Admission<object> => {
    if (opts.sameOrigin && !sameOrigin(req)) throw forbiddenCrossSite();
    return { call: {} };
  };
  return door(admit, jsonErrors, fn, opts);
}

/** The reader behind the request, found on demand. */
export interface ReaderAccess {
  /** The reader of the cookie, or null (none, forged, or from a revoked restore link). */
  existing(): Promise<string | null>;
  /** The same reader with the restore link and device it came through (a restored browser is told apart from the buyer's own). */
  session(): Promise<ReaderCookie | null>;
  /** The reader of the cookie, or a new one whose cookie is set on the answer. */
  ensure(): Promise<string>;
}

/**
 * A reader's browser, from the site's own pages. A request that changes something must be JSON
 * and say it came from this site (origin.ts sameSiteJsonProblem: 415 / 403) — the reader's cookie
 * cannot be ridden from another site. A reader made during the request gets its cookie on a
 * successful answer.
 */
export function reader<P = Params>(fn: Handler<{ reader: ReaderAccess }, P>, opts: CoreOptions<P> = {}): RouteHandler {
  const admit = (req: Request): Admission<{ reader: ReaderAccess }> => {
    if (!READ_METHODS.has(req.method)) {
      const problem = sameSiteJsonProblem(req);
      if (problem?.status === "type") throw new AppError("unsupported_media_type", problem.message);
      if (problem) throw new AppError("forbidden", problem.message);
    }
    let setCookie: string | undefined;
    const access: ReaderAccess = {
      existing: () => existingReader(req),
      session: () => existingSession(req),
      ensure: async () => {
        const r = await readerFromRequest(req);
        setCookie ??= r.setCookie;
        return r.readerId;
      },
    };
    const after = (res: Response) => {
      if (setCookie && res.status < 400) res.headers.append("set-cookie", setCookie);
      return res;
    };
    return { call: { reader: access }, after };
  };
  return door(admit, jsonErrors, fn, opts);
}

/**
 * The site's owner (/api/admin/*): a session cookie or ADMIN_TOKEN (lib/auth/request.ts). A write
 * that succeeded drops the cached pages in every instance (lib/admin/content.ts), so the next
 * reader sees the change.
 */
export function owner<P = Params>(fn: Handler<{ auth: OwnerAuth }, P>, opts: CoreOptions<P> = {}): RouteHandler {
  const admit = async (req: Request): Promise<Admission<{ auth: OwnerAuth }>> => {
    const auth = await authenticateOwner(req);
    const after = (res: Response) => {
      if (!READ_METHODS.has(req.method) && res.status < 400) ownerChangedContent();
      return res;
    };
    return { call: { auth }, after };
  };
  return door(admit, jsonErrors, fn, opts);
}

/** A merchant protocol's parameters: query and body apart, and `fields` with the query winning. */
export interface MerchantInput {
  query: Params;
  body: Params;
  fields: Params;
}

/**
 * One of the owner's other sites, through a payment-gateway protocol (易支付, V免签): it signs its
 * parameters with its key (checked by lib/gateway), and reads refusals in its protocol's shape —
 * "epay", "vmq", or "html" for a browser sent by the merchant (易支付 submit.php).
 */
export function merchant(fn: Handler<MerchantInput, Params>, opts: { errors: "epay" | "vmq" | "html" }): RouteHandler {
  const admit = async (req: Request): Promise<Admission<MerchantInput>> => {
    const { query, body } = await readParams(req);
    return { call: { query, body, fields: { ...body, ...query } } };
  };
  const write = { epay: epayErrors, vmq: vmqMerchantErrors, html: htmlErrors }[opts.errors];
  return door(admit, write, fn);
}

/**
 * The owner's phone forwarding a payment notification (lib/notify). The request is read once, raw
 * and size-capped, as the audit log stores it before anything is verified; the protocol verifies it.
 * Errors in our JSON shape, or V免签's for its monitor app ("vmq": the status kept, since its forks
 * resend on 5xx only).
 */
export function device(
  fn: Handler<{ raw: RawRequest }, Params>,
  opts: { protocol: RawRequest["protocol"]; errors?: "json" | "vmq" },
): RouteHandler {
  const admit = async (req: Request): Promise<Admission<{ raw: RawRequest }>> => {
    // GET carries everything in the query string, which rawRequest size-checks like a body.
    const body = READ_METHODS.has(req.method) ? undefined : await readText(req, MAX_NOTIFY_BODY);
    return { call: { raw: rawRequest(req, opts.protocol, body) } };
  };
  return door(admit, opts.errors === "vmq" ? vmqAppErrors : jsonErrors, fn);
}
