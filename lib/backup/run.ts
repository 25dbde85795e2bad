import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readdir, rm, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { backupDir, config, databaseKind, sqlitePath } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { raiseEventSafely } from "@/lib/alerts/raise";
import { sessionSecret } from "@/lib/http/session-secret";
import { chinaDateTimeText } from "@/lib/china-time";
import { describeFile, sha256File, writeArchive, type Manifest } from "./archive";
import { backupFileName, filesToPrune } from "./rules";
import type { BackupTrigger } from "./status";
import { copySqlite, integrityCheck, sqliteCounts, sqliteMigrations } from "./sqlite";
import { dumpPostgres, postgresCounts, withPg } from "./postgres";

/**
 * One backup: the database (SQLite: online backup API, checked with integrity_check;
 * PostgreSQL: pg_dump), the session secret (without it every reader's cookie and restore
 * link stops working) and a manifest, packed into one file in BACKUP_DIR. Uploaded images
 * are rows of the database (lib/media/store.ts), so they are in it. Each run is a Backup row,
 * so every instance shows the last backup's age and a failure reaches the owner
 * (`backup.failed`). Used by `npm run backup`, 立即备份 and the daily job alike.
 */

export interface BackupResult {
  id: string;
  file: string;
  fileName: string;
  bytes: number;
  sha256: string;
  ms: number;
  manifest: Manifest;
}

/** A run still "running" after this long died with its process: it no longer blocks a new one. */
const STALE_RUN_MS = 30 * 60_000;

export async function runBackup(trigger: BackupTrigger, now = new Date(), opts: { alert?: boolean } = {}): Promise<BackupResult> {
  const running = await db().backup.findFirst({
    where: { status: "running", startedAt: { gt: new Date(now.getTime() - STALE_RUN_MS) } },
    select: { host: true, startedAt: true },
  });
  if (running)
    throw new AppError(
      "backup_running",
      `已有一个备份正在进行（${running.host}，开始于 ${chinaDateTimeText(running.startedAt)}），请稍后再试。`,
    );
  const id = `bak_${newId(12)}`;
  const host = hostname();
  await db().backup.create({ data: { id, trigger, host, status: "running", startedAt: now } });
  const t0 = Date.now();
  const dir = backupDir();
  const staging = path.join(dir, `.staging-${id}`);
  try {
    await mkdir(staging, { recursive: true, mode: 0o700 });
    const manifest = await stage(staging, now, host);
    const fileName = backupFileName(now, randomBytes(3).toString("hex").slice(0, 4));
    const file = path.join(dir, fileName);
    await writeArchive(staging, manifest, file);
    const [bytes, sha256] = [(await stat(file)).size, await sha256File(file)];
    await db().backup.update({ where: { id }, data: { status: "done", fileName, bytes, sha256, finishedAt: new Date() } });
    await prune(dir);
    return { id, file, fileName, bytes, sha256, ms: Date.now() - t0, manifest };
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
    await db()
      .backup.update({ where: { id }, data: { status: "failed", error: message, finishedAt: new Date() } })
      .catch(() => {});
    if (opts.alert ?? true)
      await raiseEventSafely("backup.failed", { reason: "failed", trigger, error: message, lastSuccessAt: await lastSuccessAt(), host });
    throw new AppError("backup_failed", `备份失败：${message}`);
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
  }
}

async function stage(staging: string, now: Date, host: string): Promise<Manifest> {
  const url = config().DATABASE_URL;
  const kind = databaseKind(url);
  let counts: Record<string, number>;
  let migrations: string[];
  let dbFile: string;
  // turbopackIgnore: a runtime path in the staging folder, not a file for the build to trace.
  if (kind === "sqlite") {
    dbFile = "database.sqlite";
    const copy = path.join(/* turbopackIgnore: true */ staging, dbFile);
    await copySqlite(sqlitePath(url), copy);
    const check = integrityCheck(copy);
    if (check !== "ok") throw new Error(`the copied database failed PRAGMA integrity_check: ${check}`);
    counts = sqliteCounts(copy);
    migrations = sqliteMigrations(copy);
  } else {
    dbFile = "database.pgdump";
    // Counted just before the dump: the dump may hold a few rows more, never fewer.
    [counts, migrations] = await withPg(url, async (c) => [
      await postgresCounts(c),
      (await c.query<{ name: string }>("SELECT name FROM _migrations ORDER BY name")).rows.map((r) => r.name),
    ]);
    await dumpPostgres(url, path.join(/* turbopackIgnore: true */ staging, dbFile));
  }
  await writeFile(path.join(staging, "session-secret"), sessionSecret(), { mode: 0o600 });
  return {
    format: "paywall-backup",
    version: 1,
    app: appVersion(),
    createdAt: now.toISOString(),
    host,
    database: kind,
    migrations,
    counts,
    sessionSecret: config().SESSION_SECRET ? "env" : "file",
    files: [await describeFile(staging, dbFile), await describeFile(staging, "session-secret")],
  };
}

function appVersion(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), "package.json"), "utf8"));
    return { name: String(pkg.name), version: String(pkg.version) };
  } catch {
    return { name: "shoukuan-paywall", version: "unknown" };
  }
}

/** Keeps BACKUP_KEEP backup files in the folder, deleting the oldest. */
async function prune(dir: string): Promise<void> {
  for (const name of filesToPrune(await readdir(dir), config().BACKUP_KEEP)) {
    await unlink(path.join(dir, name)).catch(() => {});
  }
}

export async function lastSuccessAt(): Promise<string | null> {
  const last = await db().backup.findFirst({ where: { status: "done" }, orderBy: { startedAt: "desc" }, select: { startedAt: true } });
  return last?.startedAt.toISOString() ?? null;
}
