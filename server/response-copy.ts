import type { OutgoingHttpHeaders } from "node:http";

/**
 * What the page cache (server/page-cache.ts) and the marked pages (server/marked-pages.ts) share when
 * they copy a response Next.js writes: its body as it is written, and the headers that may be sent
 * again for it.
 */

// Written per response by Node or by us; never replayed from a stored or held response.
const PER_RESPONSE = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date"]);

/** The headers to send again, lower-cased, with Accept-Encoding in Vary (the body may go out gzipped or not). */
export function replayHeaders(raw: OutgoingHttpHeaders): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [k, val] of Object.entries(raw)) {
    if (val === undefined || PER_RESPONSE.has(k.toLowerCase())) continue;
    headers[k.toLowerCase()] = Array.isArray(val) ? val : String(val);
  }
  const vary = String(headers.vary ?? "");
  if (!/accept-encoding/i.test(vary)) headers.vary = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
  return headers;
}

/** Collects a response's body from the chunks given to write/end (strings in their encoding, or bytes). */
export function bodyCollector(): { keep(chunk: unknown, encoding?: unknown): void; body(): Buffer } {
  const chunks: Buffer[] = [];
  return {
    keep(chunk, encoding) {
      if (typeof chunk === "string") chunks.push(Buffer.from(chunk, (typeof encoding === "string" ? encoding : "utf8") as BufferEncoding));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    },
    body: () => Buffer.concat(chunks),
  };
}
