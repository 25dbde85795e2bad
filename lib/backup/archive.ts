import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, readFile, rename, stat, writeFile, chmod } from "node:fs/promises";
import path from "node:path";
import * as tar from "tar";

/**
 * A backup is one gzip'd tar file: manifest.json (what is inside, with a SHA-256 and size
 * per file) beside the files it names. Writing goes to a ".partial" name renamed at the end,
 * so a backup file that exists is a whole one; reading checks every checksum and refuses
 * any file the manifest does not name.
 */
export const MANIFEST = "manifest.json";
export const FORMAT = "paywall-backup";

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof FORMAT;
  version: 1;
  app: { name: string; version: string };
  createdAt: string;
  host: string;
  database: "sqlite" | "postgres";
  /** Migrations applied to the database in this backup (lib/db/migrate.ts). */
  migrations: string[];
  /** Rows at backup time, for the owner to recognise the backup (images are rows: MediaFile). */
  counts: Record<string, number>;
  /** Where the session secret in the backup came from: the data folder, or SESSION_SECRET. */
  sessionSecret: "file" | "env";
  files: ManifestFile[];
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function describeFile(dir: string, rel: string): Promise<ManifestFile> {
  const file = path.join(dir, rel);
  return { path: rel, bytes: (await stat(file)).size, sha256: await sha256File(file) };
}

/** Writes manifest.json into `staging` and packs it with the files it names into `dest` (mode 0600). */
export async function writeArchive(staging: string, manifest: Manifest, dest: string): Promise<void> {
  await writeFile(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 2));
  const partial = `${dest}.partial`;
  await mkdir(path.dirname(dest), { recursive: true });
  await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, [MANIFEST, ...manifest.files.map((f) => f.path)]);
  // Secrets inside (session secret, password hash, device secrets): owner-only.
  await chmod(partial, 0o600);
  await rename(partial, dest);
}

export class BadBackupError extends Error {
  override name = "BadBackupError";
}

/** Unpacks `file` into the empty folder `into` and checks it against its manifest; answers the manifest. */
export async function extractArchive(file: string, into: string): Promise<Manifest> {
  await mkdir(into, { recursive: true });
  try {
    await tar.extract({ file, cwd: into, strict: true, filter: (_p, entry) => "type" in entry && entry.type === "File" });
  } catch (e) {
    throw new BadBackupError(`备份文件无法解压（不完整或已损坏）：${(e as Error).message}`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(into, MANIFEST), "utf8")) as Manifest;
  } catch {
    throw new BadBackupError("备份文件里没有可读的 manifest.json：这不是本站的备份文件。");
  }
  if (manifest.format !== FORMAT || manifest.version !== 1) throw new BadBackupError("这不是本站的备份文件（格式不符）。");
  const named = new Set([MANIFEST, ...manifest.files.map((f) => f.path)]);
  const present = await listFiles(into);
  const extra = present.filter((p) => !named.has(p));
  if (extra.length) throw new BadBackupError(`备份文件含有清单外的文件：${extra.join(", ")}`);
  for (const f of manifest.files) {
    const full = path.join(into, f.path);
    if (!present.includes(f.path)) throw new BadBackupError(`备份文件缺少 ${f.path}。`);
    const got = await describeFile(into, f.path);
    if (got.bytes !== f.bytes || got.sha256 !== f.sha256) {
      throw new BadBackupError(`校验失败：${f.path} 的 SHA-256 或大小与清单不符（文件已损坏或被改动）：${full}`);
    }
  }
  return manifest;
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out;
}
