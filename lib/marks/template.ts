import { LRUCache } from "lru-cache";
import { LABEL_PLACEHOLDER, PLACEHOLDER_BASE, PLACEHOLDER_COUNT } from "@/lib/marks/carriers";

/**
 * The page cache's marked pages (lib/http/page-cache.ts): a paid post's page is rendered once
 * with a placeholder in every slot (PostReaderPart in template mode), stored, and filled in per
 * response with the reader's carriers — a copy and a byte patch per slot instead of a render.
 * Placeholders and carriers are all 3 UTF-8 bytes, so the page's payload keeps its lengths; only
 * the optional visible line's label changes length.
 *
 * Template mode is asked for by the page cache with a header naming this process's secret key
 * (so no client can ask for an unmarked page), and the render says whether it made a template by
 * registering the placeholders it used; the cache keeps the page only if what it finds in the
 * bytes is exactly that sequence, once per copy of the body (the HTML and React's payload).
 */
export const TEMPLATE_HEADER = "x-paywall-mark-template";

const env = process.env as { PAYWALL_TEMPLATE_KEY?: string };
const g = globalThis as unknown as { __paywallTemplates?: LRUCache<string, Rendered> };
const renders = (g.__paywallTemplates ??= new LRUCache<string, Rendered>({ max: 1000 }));

interface Rendered {
  /** The placeholders of one copy of the body, label excluded, in order. */
  sequence: string;
}

/** This process's key for template requests (made by the custom server's page cache; absent under a bare `next start`). */
export function templateKey(): string | undefined {
  return env.PAYWALL_TEMPLATE_KEY;
}

export function setTemplateKey(key: string): void {
  env.PAYWALL_TEMPLATE_KEY = key;
}

/** The capture id of a request that may be rendered as a template, or null (no header, wrong key). */
export function templateCapture(headerValue: string | null | undefined): string | null {
  const key = templateKey();
  if (!key || !headerValue) return null;
  const dot = headerValue.lastIndexOf(".");
  return dot > 0 && headerValue.slice(0, dot) === key ? headerValue.slice(dot + 1) : null;
}

export function registerTemplate(capture: string, sequence: string): void {
  renders.set(capture, { sequence });
}

export function takeTemplate(capture: string): Rendered | undefined {
  const r = renders.get(capture);
  renders.delete(capture);
  return r;
}

export interface Template {
  page: Buffer;
  /** Byte offset of every slot placeholder, and which placeholder it is. */
  offsets: Int32Array;
  which: Uint16Array;
  /** Byte offsets of label placeholders. */
  labels: number[];
}

const LABEL = LABEL_PLACEHOLDER.charCodeAt(0) - PLACEHOLDER_BASE;

/** Finds the placeholders; null unless they are exactly `sequence`, repeated once or more (any, when `sequence` is null). */
export function parseTemplate(page: Buffer, sequence: string | null): Template | null {
  const offsets: number[] = [];
  const which: number[] = [];
  const labels: number[] = [];
  for (let at = page.indexOf(0xee); at >= 0 && at + 2 < page.length; at = page.indexOf(0xee, at + 1)) {
    const cp = ((page[at] & 0x0f) << 12) | ((page[at + 1] & 0x3f) << 6) | (page[at + 2] & 0x3f);
    const i = cp - PLACEHOLDER_BASE;
    if (i < 0 || i >= PLACEHOLDER_COUNT || (page[at + 1] & 0xc0) !== 0x80 || (page[at + 2] & 0xc0) !== 0x80) continue;
    if (i === LABEL) labels.push(at);
    else {
      offsets.push(at);
      which.push(i);
    }
  }
  if (sequence === null) return { page, offsets: Int32Array.from(offsets), which: Uint16Array.from(which), labels };
  const n = sequence.length;
  // A body without a single slot (no Han text): the page is the same for every reader.
  if (n === 0) return which.length === 0 ? { page, offsets: new Int32Array(0), which: new Uint16Array(0), labels } : null;
  if (which.length === 0 || which.length % n !== 0) return null;
  for (let j = 0; j < which.length; j++) if (which[j] !== sequence.charCodeAt(j % n) - PLACEHOLDER_BASE) return null;
  return { page, offsets: Int32Array.from(offsets), which: Uint16Array.from(which), labels };
}

/** The page with a reader's carriers (`table`: 3 bytes per placeholder, lib/marks/deliver.ts) and label filled in. */
export function fillTemplate(t: Template, table: Buffer, label: string): Buffer {
  const out = Buffer.from(t.page);
  for (let j = 0; j < t.offsets.length; j++) {
    const o = t.offsets[j];
    const s = t.which[j] * 3;
    out[o] = table[s];
    out[o + 1] = table[s + 1];
    out[o + 2] = table[s + 2];
  }
  if (t.labels.length === 0) return out;
  const text = Buffer.from(label);
  const parts: Buffer[] = [];
  let from = 0;
  for (const at of t.labels) {
    parts.push(out.subarray(from, at), text);
    from = at + 3;
  }
  parts.push(out.subarray(from));
  return Buffer.concat(parts);
}
