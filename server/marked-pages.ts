import { randomBytes } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip, gzipSync } from "node:zlib";
import { GATED_BODY_MARKER, pageStore, type PageVariant, type StoredPage } from "./page-store";
import { fillTemplate, parseTemplate, setTemplateKey, takeTemplate, templateKey, TEMPLATE_HEADER } from "../lib/marks/template";
import { bodyCollector, replayHeaders } from "./response-copy";

/**
 * The page cache's marked pages (issue 24), called by server/page-cache.ts for an entitled
 * reader of a paid post (the gate has checked the entitlement and brought the reader's carriers):
 * a stored template is filled in with this reader's mark and sent; on a miss Next.js renders the
 * page as a template (its output is held back, never sent as is), the template is stored when it
 * checks out, and this reader gets it filled in. Plain Node like the rest of the custom server.
 */
const gzipAsync = promisify(gzip);
/** Every marked response is compressed anew; level 1 costs a fraction of the default for a few % more bytes. */
const GZIP_LEVEL = 1;
/**
 * Up to this size the page is compressed right here (~0.1 ms for 25 KB): handing a small job to the thread pool and
 * back costs more than the job. Bigger pages go to the pool, so a long post never holds up the event loop.
 * (Compressing only the marked regions per response, the rest once, was tried: joining separately compressed parts
 * cost more than compressing a 25–30 KB page whole at level 1.)
 */
const SYNC_GZIP_BYTES = 64 * 1024;

// The key that lets a request ask for a template: made here, in the server process, before Next.js loads.
if (!templateKey()) setTemplateKey(randomBytes(24).toString("base64url"));

export interface MarkedContext {
  key: string;
  countView: () => void;
  storableHeaders: (status: number, raw: OutgoingHttpHeaders) => StoredPage["headers"] | null;
}

type Mark = NonNullable<PageVariant["mark"]>;

export async function serveMarked(
  req: IncomingMessage,
  res: ServerResponse,
  next: () => unknown,
  v: PageVariant,
  ctx: MarkedContext,
): Promise<void> {
  const mark = v.mark as Mark;
  const gz = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const hit = pageStore.entries.get(ctx.key);
  if (hit?.template && hit.generation === pageStore.generation) {
    ctx.countView();
    return send(res, 200, hit.headers, fillTemplate(hit.template, mark.table, mark.label), gz);
  }
  const capture = randomBytes(12).toString("base64url");
  req.headers[TEMPLATE_HEADER] = `${templateKey()}.${capture}`;
  delete req.headers["accept-encoding"];
  const generation = pageStore.generation;
  hold(
    res,
    async (status, raw, body) => {
      const rendered = takeTemplate(capture);
      // Not a template (the post could not be one, or the reader lost the post meanwhile): rendered for them alone.
      if (!rendered) return { headers: raw, body };
      const template = parseTemplate(body, rendered.sequence);
      const headers = ctx.storableHeaders(status, raw);
      if (template && headers && body.includes(GATED_BODY_MARKER) && generation === pageStore.generation) {
        pageStore.entries.set(ctx.key, { status: 200, headers, body, gzip: Buffer.alloc(0), generation, variant: v.variant, template });
      }
      // Something else in the page used a placeholder character: fill every one in, keep nothing.
      return { headers: raw, body: fillTemplate(template ?? parseTemplate(body, null)!, mark.table, mark.label) };
    },
    gz,
  );
  await next();
}

type Finish = (status: number, raw: OutgoingHttpHeaders, body: Buffer) => Promise<{ headers: OutgoingHttpHeaders; body: Buffer }>;

/** Holds back everything Next.js writes for this response, then sends what `finish` makes of it. */
function hold(res: ServerResponse, finish: Finish, gz: boolean): void {
  const { keep, body } = bodyCollector();
  let head: OutgoingHttpHeaders = {};
  let status: number | undefined;
  const { writeHead, write, end, flushHeaders } = res;
  res.writeHead = function (this: ServerResponse, code: number, ...rest: unknown[]) {
    status = code;
    const h = rest.find((a) => a && typeof a === "object" && !Array.isArray(a));
    if (h) head = { ...head, ...(h as OutgoingHttpHeaders) };
    return this;
  } as typeof writeHead;
  res.flushHeaders = () => {};
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    const cb = rest.find((a) => typeof a === "function") as (() => void) | undefined;
    if (cb) queueMicrotask(cb);
    return true;
  } as typeof write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== "function") keep(chunk, rest[0]);
    const raw = { ...this.getHeaders(), ...head };
    Object.assign(res, { writeHead, write, end, flushHeaders });
    finish(status ?? this.statusCode, raw, body())
      .then((out) => {
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        return send(res, status ?? res.statusCode, out.headers, out.body, gz);
      })
      // Never a page with placeholders in it, never an unhandled rejection in the server.
      .catch(() => res.destroy());
    return this;
  } as typeof end;
}

async function send(res: ServerResponse, status: number, stored: OutgoingHttpHeaders, body: Buffer, gz: boolean): Promise<void> {
  const headers: OutgoingHttpHeaders = replayHeaders(stored);
  const out = !gz
    ? body
    : body.length <= SYNC_GZIP_BYTES
      ? gzipSync(body, { level: GZIP_LEVEL })
      : await gzipAsync(body, { level: GZIP_LEVEL });
  if (gz) headers["content-encoding"] = "gzip";
  headers["content-length"] = out.length;
  res.writeHead(status, headers).end(out);
}
