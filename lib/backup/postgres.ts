import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { COUNTED } from "./sqlite";

/**
 * PostgreSQL backups go through the server's own tools: pg_dump (custom format) and pg_restore.
 * They must be at least the server's major version; when they are missing, the error says which
 * package to install. The password travels in PGPASSWORD, never on a command line `ps` shows.
 */
const run = promisify(execFile);

export class MissingToolError extends Error {
  override name = "MissingToolError";
}

/**
 * pg_dump / pg_restore: in PG_BIN_DIR when set (only there), else the newest under
 * /usr/lib/postgresql/<major>/bin (Debian's layout), else on PATH.
 */
export function findPgTool(name: "pg_dump" | "pg_restore"): string | null {
  const only = process.env.PG_BIN_DIR;
  if (only) return existsSync(path.join(only, name)) ? path.join(only, name) : null;
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  const debian = "/usr/lib/postgresql";
  const versioned = existsSync(debian)
    ? readdirSync(debian)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => path.join(debian, v, "bin"))
    : [];
  // The newest versioned tool first: an old pg_dump on PATH refuses a newer server.
  for (const dir of [...versioned, ...dirs]) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  return null;
}

export async function serverMajor(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0].v) / 10000);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

async function requireTool(name: "pg_dump" | "pg_restore", url: string): Promise<string> {
  const tool = findPgTool(name);
  if (tool) return tool;
  const major = await serverMajor(url);
  const pkg = major ? `postgresql-client-${major}` : "postgresql-client";
  throw new MissingToolError(
    [
      `找不到 ${name}：PostgreSQL 数据库的备份与恢复要用 PostgreSQL 自带的客户端工具。`,
      `请安装与数据库服务器同一大版本（${major ? `PostgreSQL ${major}` : "与服务器相同"}）的客户端工具，然后重试：`,
      `  sudo apt-get install -y ${pkg}      # Debian / Ubuntu`,
      `${name} not found: install the PostgreSQL client tools of the server's major version (${pkg} on Debian/Ubuntu) and run this again.`,
    ].join("\n"),
  );
}

/** Connection settings for libpq tools, with the password in the environment. */
function libpqEnv(url: string): { env: NodeJS.ProcessEnv; dbname: string } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }, dbname: u.toString() };
}

export async function dumpPostgres(url: string, dest: string): Promise<void> {
  const tool = await requireTool("pg_dump", url);
  const { env, dbname } = libpqEnv(url);
  await run(tool, ["--format=custom", "--no-owner", "--no-privileges", `--file=${dest}`, `--dbname=${dbname}`], {
    env,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((e: { stderr?: string; message: string }) => {
    throw new Error(`pg_dump failed: ${(e.stderr || e.message).trim()}`);
  });
}

/** Restores a custom-format dump into an empty schema `public` (the caller moved any old one aside). */
export async function restorePostgres(url: string, dump: string): Promise<void> {
  const tool = await requireTool("pg_restore", url);
  const { env, dbname } = libpqEnv(url);
  await run(tool, ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${dbname}`, dump], {
    env,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((e: { stderr?: string; message: string }) => {
    throw new Error(`pg_restore failed: ${(e.stderr || e.message).trim()}`);
  });
}

export async function withPg<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function postgresCounts(c: pg.Client): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [k, table] of Object.entries(COUNTED)) {
    out[k] = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
  }
  return out;
}

/** Tables in schema public: a database with any is "existing" and is not overwritten without --force. */
export async function publicTableCount(c: pg.Client): Promise<number> {
  const { rows } = await c.query<{ n: string }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'");
  return Number(rows[0].n);
}
