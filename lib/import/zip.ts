import iconv from "iconv-lite";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { AppError } from "@/lib/errors";

/**
 * Reading an uploaded zip without trusting it. The central directory is read
 * first — entry count, declared sizes and compression ratios are checked before
 * a single byte is inflated — and then only the entries the caller wants are
 * inflated, each stopped the moment it produces more than it declared (yauzl's
 * validateEntrySizes), so a zip bomb costs at most the limits below in memory.
 * Kept apart from lib/http/zip-guard.ts (XLSX bills, which are only checked, then
 * handed whole to the sheet reader) on purpose: an import reads the entries it
 * wants itself, with per-entry limits, GBK names and far larger totals.
 */
export interface ZipLimits {
  maxEntries: number;
  /** All wanted entries together, inflated. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Inflated / compressed, for entries over 1 MB inflated: real text and images stay far below it. */
  maxRatio: number;
}

export const IMPORT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 512 * 1024 * 1024,
  maxEntryBytes: 32 * 1024 * 1024,
  maxRatio: 200,
};

const tooBig = (what: string) =>
  new AppError("payload_too_large", `压缩包${what}，已拒绝（防止解压炸弹）。请拆成几个较小的压缩包分别导入。`);
const bad = (what: string) => new AppError("unparseable", `压缩包无法读取：${what}`);

export async function readZip(bytes: Buffer, want: (name: string) => boolean, limits = IMPORT_ZIP_LIMITS): Promise<Map<string, Buffer>> {
  const zip = await open(bytes);
  try {
    if (zip.entryCount > limits.maxEntries) throw tooBig(`含有 ${zip.entryCount} 个文件（上限 ${limits.maxEntries}）`);
    const entries = (await centralDirectory(zip)).filter((e) => want(e.name));
    let total = 0;
    for (const { entry, name } of entries) {
      if (entry.generalPurposeBitFlag & 0x1) throw bad(`${name} 已加密，请解压后重新打包（不要设置密码）`);
      if (entry.uncompressedSize > limits.maxEntryBytes) throw tooBig(`中的 ${name} 解压后过大`);
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio)
        throw tooBig(`中的 ${name} 压缩比异常（${Math.round(ratio)} 倍）`);
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) throw tooBig("解压后总大小超出上限");
    }
    const out = new Map<string, Buffer>();
    for (const { entry, name } of entries) out.set(name, await inflate(zip, entry, name));
    return out;
  } finally {
    zip.close();
  }
}

function open(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(bad(err?.message ?? "不是 zip 文件")) : resolve(zip),
    ),
  );
}

function centralDirectory(zip: ZipFile): Promise<{ entry: Entry; name: string }[]> {
  return new Promise((resolve, reject) => {
    const list: { entry: Entry; name: string }[] = [];
    zip.on("entry", (entry: Entry) => {
      const name = entryName(entry);
      if (name && !name.endsWith("/") && !/(^|\/)(__MACOSX|\.DS_Store$|\.git\/)/.test(name)) list.push({ entry, name });
      zip.readEntry();
    });
    zip.once("end", () => resolve(list));
    zip.once("error", (e: Error) => reject(bad(e.message)));
    zip.readEntry();
  });
}

/**
 * Names as the zip says: UTF-8 when flagged or when the bytes are valid UTF-8 (macOS
 * does not flag it), otherwise GBK — what Windows' built-in zip writes on a Chinese system.
 */
function entryName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  const utf8 = raw.toString("utf8");
  const name = entry.generalPurposeBitFlag & 0x800 || !utf8.includes("\ufffd") ? utf8 : iconv.decode(raw, "gbk");
  // Never used as a path on disk, only as a key: still, normalise separators and drop "./" and leading "/".
  return name.replace(/\\/g, "/").replace(/^(\.\/|\/)+/, "");
}

function inflate(zip: ZipFile, entry: Entry, name: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(bad(`${name}：${err?.message ?? "无法解压"}`));
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.once("error", (e: Error) => reject(bad(`${name}：${e.message}`)));
      stream.once("end", () => resolve(Buffer.concat(chunks)));
    });
  });
}
