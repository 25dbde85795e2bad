/**
 * Small zip archives written by hand for the upload tests: one stored-deflate
 * entry whose central directory may declare the truth or lie about its size.
 * (No zip writer in the dependencies makes lying headers, which is the point.)
 */
import zlib from "node:zlib";

export interface ZipEntrySpec {
  name: string;
  /** The entry's real content, produced in chunks so a large one never sits in memory whole. */
  chunks: () => Iterable<Buffer>;
  /** What the headers claim (default: the truth). */
  declaredSize?: number;
}

/** Deflates chunk by chunk: a 200 MB entry costs one chunk of memory, not 200 MB. */
async function deflateChunks(chunks: Iterable<Buffer>): Promise<{ data: Buffer; size: number; crc: number }> {
  const z = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on("data", (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => z.on("end", resolve).on("error", reject));
  let size = 0;
  let crc = 0;
  for (const c of chunks) {
    size += c.length;
    crc = zlib.crc32(c, crc);
    if (!z.write(c)) await new Promise((r) => z.once("drain", r));
  }
  z.end();
  await done;
  return { data: Buffer.concat(out), size, crc };
}

export async function makeZip(entries: ZipEntrySpec[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const { data, size, crc } = await deflateChunks(e.chunks());
    const declared = e.declaredSize ?? size;
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(declared, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(cd, name);
    offset += local.length + name.length + data.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBytes, end]);
}

/** `total` bytes of a repeated sheet row: valid XML that compresses about 1000:1. */
export function* repeatedRows(total: number, chunk = 1 << 20): Iterable<Buffer> {
  const row = Buffer.from('<row r="1"><c r="A1" t="inlineStr"><is><t>收入</t></is></c></row>');
  const block = Buffer.alloc(chunk);
  for (let i = 0; i < chunk; i += row.length) row.copy(block, i);
  for (let left = total; left > 0; left -= chunk) yield left >= chunk ? block : block.subarray(0, left);
}
