import { constants, crc32, deflateRawSync } from "node:zlib";
import { fillRange, type Template } from "./template";

/**
 * A marked page compressed per response without compressing the whole page: everything outside
 * the marked regions (React's runtime, the layout, the payload around the body) is compressed once
 * when the template is stored, each part as its own deflate stream ended with a sync flush (so the
 * streams can be joined), and only the marked regions are compressed per response. The gzip
 * trailer's CRC32 is chained over the parts. Same bytes out as gzip of fillTemplate's page.
 */
const GAP = 2048;
const STATIC_LEVEL = 6;
const REGION_LEVEL = 1;
const SYNC = { finishFlush: constants.Z_SYNC_FLUSH };
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const FINAL = deflateRawSync(Buffer.alloc(0));

export interface GzipTemplate {
  /** Static parts, raw and compressed; regions[i] sits between statics[i] and statics[i + 1]. */
  statics: { raw: Buffer; deflated: Buffer }[];
  regions: { start: number; end: number }[];
}

/** Splits the page at its marked regions (placeholders closer than GAP bytes form one region) and compresses the rest once. */
export function gzipTemplate(t: Template): GzipTemplate {
  const points = [...t.offsets, ...t.labels].sort((a, b) => a - b);
  const regions: { start: number; end: number }[] = [];
  for (const p of points) {
    const last = regions.at(-1);
    if (last && p - last.end <= GAP) last.end = p + 3;
    else regions.push({ start: p, end: p + 3 });
  }
  const statics: GzipTemplate["statics"] = [];
  let at = 0;
  for (const r of [...regions, { start: t.page.length, end: t.page.length }]) {
    const raw = t.page.subarray(at, r.start);
    statics.push({ raw, deflated: deflateRawSync(raw, { ...SYNC, level: STATIC_LEVEL }) });
    at = r.end;
  }
  return { statics, regions };
}

/** gzip of the page filled in for one reader (`table`, `label` as fillTemplate takes them). */
export function gzipFilled(t: Template, g: GzipTemplate, table: Buffer, label: string): Buffer {
  const parts: Buffer[] = [HEADER];
  let crc = 0;
  let size = 0;
  const add = (raw: Buffer, deflated: Buffer) => {
    crc = crc32(raw, crc);
    size += raw.length;
    parts.push(deflated);
  };
  g.statics.forEach((s, i) => {
    add(s.raw, s.deflated);
    const r = g.regions[i];
    if (!r) return;
    const filled = fillRange(t, r.start, r.end, table, label);
    add(filled, deflateRawSync(filled, { ...SYNC, level: REGION_LEVEL }));
  });
  parts.push(FINAL);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}
