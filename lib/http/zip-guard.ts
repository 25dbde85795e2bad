import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { AppError } from "@/lib/errors";

/**
 * Zip uploads (XLSX bills) are checked before anything unpacks them: a 205 KB
 * XLSX can inflate to gigabytes in a zip reader that trusts it. First the
 * central directory (yauzl, from the bytes in memory): refused with 413 when
 * the entries add up to more than ZIP_LIMITS.maxTotalBytes uncompressed, or
 * more than maxRatio times the archive's size, or have too many entries.
 * Then every entry is inflated once into nothing, with yauzl checking each
 * stream against the size its header declared — so an archive whose headers
 * lie is refused as soon as one entry runs past its declared size, having
 * inflated no more than the declared (capped) total.
 */
export const ZIP_LIMITS = { maxTotalBytes: 50 * 1024 * 1024, maxRatio: 100, maxEntries: 5000 };

const tooBig = (why: string) =>
  new AppError("payload_too_large", `压缩文件解压后过大（${why}），已拒绝。请上传从微信支付 / 支付宝下载的原始账单文件。`);
const broken = () => new AppError("unparseable", "这个文件是压缩包，但无法读取（文件损坏或不是 zip 格式）。");

export async function checkZip(bytes: Buffer, limits = ZIP_LIMITS): Promise<void> {
  const zip = await open(bytes);
  try {
    const entries = await centralDirectory(zip, limits);
    let total = 0;
    for (const e of entries) total += e.uncompressedSize;
    if (total > limits.maxTotalBytes) throw tooBig(`${mb(total)} MB，上限 ${mb(limits.maxTotalBytes)} MB`);
    if (total > limits.maxRatio * Math.max(bytes.length, 1)) throw tooBig(`压缩比超过 ${limits.maxRatio}:1`);
    if (entries.some((e) => e.isEncrypted())) throw new AppError("unparseable", "这个压缩包已加密，请先解压。");
    for (const e of entries) await drain(zip, e);
  } finally {
    zip.close();
  }
}

const mb = (n: number) => Math.ceil(n / 1024 / 1024);

function open(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(broken()) : resolve(zip),
    );
  });
}

/** The entries' records, read from the central directory only (nothing is inflated). */
function centralDirectory(zip: ZipFile, limits: typeof ZIP_LIMITS): Promise<Entry[]> {
  if (zip.entryCount > limits.maxEntries) return Promise.reject(tooBig(`${zip.entryCount} 个文件`));
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on("entry", (e: Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", () => reject(broken()));
    zip.readEntry();
  });
}

/** Inflates one entry into nothing; yauzl fails the stream the moment it runs past its declared size. */
async function drain(zip: ZipFile, entry: Entry): Promise<void> {
  if (entry.fileName.endsWith("/")) return;
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err || !s ? reject(broken()) : resolve(s))),
  );
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  try {
    await pipeline(stream, sink);
  } catch (e) {
    const text = (e as Error).message ?? "";
    if (/too many bytes|expected \d+ bytes/i.test(text)) throw tooBig("文件头声明的大小与实际内容不符");
    throw broken();
  }
}
