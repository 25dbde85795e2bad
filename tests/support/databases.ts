/**
 * A second, empty database beside the test's own, for tests that build a database from
 * scratch (an old release's schema, a restore target): a SQLite file in a temp folder, or
 * a PostgreSQL database "<test db>_<tag>" on the same server, dropped afterwards.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export interface ScratchDb {
  kind: "sqlite" | "postgres";
  url: string;
  /** Runs SQL (several statements) on it. */
  exec(sql: string): Promise<void>;
  /** One number from a `SELECT count(*) …` (or any single-value query). */
  scalar(sql: string): Promise<number>;
  rows<T>(sql: string): Promise<T[]>;
  drop(): Promise<void>;
}

export async function scratchDatabase(tag: string): Promise<ScratchDb> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), `paywall-${tag}-`)), "site.db");
    const withConn = <T>(fn: (c: Database.Database) => T): T => {
      const c = new Database(file);
      try {
        return fn(c);
      } finally {
        c.close();
      }
    };
    return {
      kind: "sqlite",
      url: `file:${file}`,
      exec: async (sql) => withConn((c) => void c.exec(sql)),
      scalar: async (sql) => withConn((c) => Number(Object.values(c.prepare(sql).get() as object)[0])),
      rows: async <T>(sql: string) => withConn((c) => c.prepare(sql).all() as T[]),
      drop: async () => {},
    };
  }
  const u = new URL(base);
  const name = `${u.pathname.slice(1)}_${tag}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  u.pathname = `/${name}`;
  const url = u.toString();
  const withConn = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  return {
    kind: "postgres",
    url,
    exec: (sql) => withConn(async (c) => void (await c.query(sql))),
    scalar: (sql) => withConn(async (c) => Number(Object.values((await c.query(sql)).rows[0] as object)[0])),
    rows: <T>(sql: string) => withConn(async (c) => (await c.query(sql)).rows as T[]),
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** The committed migration SQL of one migration for this database kind. */
export function migrationSql(kind: "sqlite" | "postgres", name: string): string {
  const root = path.resolve(import.meta.dirname, "..", "..");
  const dir = kind === "sqlite" ? ["prisma", "migrations"] : ["prisma", "postgres", "migrations"];
  return readFileSync(path.join(root, ...dir, name, "migration.sql"), "utf8");
}
