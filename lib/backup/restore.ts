import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { config, dataDir, databaseKind, sqlitePath } from "@/lib/config";
import { knownMigrations } from "@/lib/db/migrate";
import { BadBackupError, extractArchive, type Manifest } from "./archive";
import { integrityCheck } from "./sqlite";
import { publicTableCount, restorePostgres, withPg } from "./postgres";

/**
 * `npm run restore -- FILE`: checks every checksum, refuses a backup from newer code or of the
 * other database kind, refuses to overwrite an existing database (or a different session
 * secret) without --force, then puts the database where DATABASE_URL says (by default in
 * DATA_DIR) and the session secret in DATA_DIR. Nothing is deleted: with --force what was
 * there is kept beside it as "*.before-restore-<time>" (PostgreSQL: schema
 * public_before_restore_<time>). Run it with the site stopped; `npm start` then migrates the
 * restored database forward if it came from an older version.
 */
export interface RestoreOptions {
  force?: boolean;
  /** Verify only: checksums, version, integrity; change nothing. */
  checkOnly?: boolean;
  log?: (line: string) => void;
}

export class RestoreRefused extends Error {
  override name = "RestoreRefused";
}

export async function restoreBackup(file: string, opts: RestoreOptions = {}): Promise<Manifest> {
  const log = opts.log ?? console.log;
  if (!existsSync(file)) throw new RestoreRefused(`找不到备份文件：${file}`);
  const url = config().DATABASE_URL;
  const kind = databaseKind(url);
  // Unpack beside the target, so the restored file is moved into place, never copied across disks.
  const near = kind === "sqlite" ? path.dirname(sqlitePath(url)) : os.tmpdir();
  await mkdir(near, { recursive: true });
  const tmp = await mkdtemp(path.join(near, ".restore-"));
  try {
    const manifest = await extractArchive(file, tmp);
    log(`校验通过 / checksums OK: ${manifest.files.map((f) => f.path).join(", ")}（${manifest.createdAt}，${manifest.host}）`);
    checkCompatible(manifest, kind);
    const dbFile = path.join(tmp, manifest.files[0].path);
    if (kind === "sqlite") {
      const check = integrityCheck(dbFile);
      if (check !== "ok") throw new BadBackupError(`备份里的数据库未通过 PRAGMA integrity_check：${check}`);
      log("PRAGMA integrity_check: ok");
    }
    if (opts.checkOnly) return manifest;
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
    const secret = readFileSync(path.join(tmp, "session-secret"), "utf8").trim();
    const secretFile = path.join(dataDir(), "session-secret");
    const oldSecret = existsSync(secretFile) ? readFileSync(secretFile, "utf8").trim() : null;
    const secretDiffers = oldSecret !== null && oldSecret !== secret;

    if (kind === "sqlite") {
      const target = sqlitePath(url);
      const exists = existsSync(target);
      if ((exists || secretDiffers) && !opts.force) throw refusal(exists ? target : secretFile);
      if (exists) {
        for (const suffix of ["", "-wal", "-shm"]) {
          if (existsSync(target + suffix)) await rename(target + suffix, `${target}.before-restore-${stamp}${suffix}`);
        }
        log(`原数据库已改名保留 / previous database kept as ${target}.before-restore-${stamp}`);
      }
      await rename(dbFile, target);
      log(`数据库已恢复到 / database restored to ${target}`);
    } else {
      const schema = `public_before_restore_${stamp.replace("-", "_")}`;
      const tables = await withPg(url, async (c) => {
        const n = await publicTableCount(c);
        if ((n > 0 || secretDiffers) && !opts.force) throw refusal("DATABASE_URL");
        // An empty schema holds nothing worth keeping; one with tables is kept under another name.
        await c.query(n > 0 ? `ALTER SCHEMA public RENAME TO ${schema}` : "DROP SCHEMA public CASCADE");
        await c.query("CREATE SCHEMA public");
        return n;
      });
      try {
        await restorePostgres(url, dbFile);
      } catch (e) {
        // Put the database back as it was: a failed restore must not leave an empty site.
        if (tables > 0) await withPg(url, (c) => c.query(`DROP SCHEMA public CASCADE; ALTER SCHEMA ${schema} RENAME TO public`));
        throw e;
      }
      log(
        tables > 0
          ? `数据库已恢复 / database restored; the previous contents are kept in schema ${schema} (DROP SCHEMA ${schema} CASCADE once you are sure)`
          : "数据库已恢复 / database restored",
      );
    }
    await mkdir(dataDir(), { recursive: true });
    if (secretDiffers) await rename(secretFile, `${secretFile}.before-restore-${stamp}`);
    await writeFile(secretFile, secret, { mode: 0o600 });
    await chmod(secretFile, 0o600);
    const env = config().SESSION_SECRET;
    if (env && env !== secret) {
      log(
        `注意：环境变量 SESSION_SECRET 与备份中的不同，读者的登录 Cookie 和恢复链接将失效。请把 SESSION_SECRET 改为 ${secretFile} 中的值，或删除该变量。\n` +
          `Note: SESSION_SECRET differs from the backup's; set it to the value in ${secretFile} (or unset it) so readers keep their purchases.`,
      );
    }
    return manifest;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function checkCompatible(m: Manifest, kind: "sqlite" | "postgres"): void {
  if (m.database !== kind) {
    throw new RestoreRefused(
      `这是 ${m.database === "sqlite" ? "SQLite" : "PostgreSQL"} 数据库的备份，而 DATABASE_URL 指向 ${kind === "sqlite" ? "SQLite" : "PostgreSQL"}：` +
        "请把 DATABASE_URL 设为同一种数据库后再恢复。",
    );
  }
  const known = new Set(knownMigrations(kind));
  const unknown = m.migrations.filter((n) => !known.has(n));
  if (unknown.length) {
    throw new RestoreRefused(
      `这个备份来自更新版本的程序（本版本不认识的迁移：${unknown.join(", ")}）。请先部署那个版本（或更新的）再恢复。\n` +
        `The backup was made by a newer version (unknown migrations: ${unknown.join(", ")}): deploy that version or newer first.`,
    );
  }
}

function refusal(what: string): RestoreRefused {
  return new RestoreRefused(
    `${what} 已存在，未做任何改动。确认要用备份覆盖（原有的会改名保留）请先停止网站，再加 --force 重新运行。\n` +
      `${what} already exists; nothing was changed. Stop the site and run again with --force to replace it (the current one is kept beside it).`,
  );
}
