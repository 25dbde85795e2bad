/**
 * What a database's schema is, read back from the database itself: tables, columns, indexes and
 * foreign keys, in a form two databases can be compared by (tests/integration/schema-drift.test.ts).
 * Migrations are applied the way lib/db/migrate.ts applies them (each folder's migration.sql in name
 * order), from any folder, so a test can also apply a hand-edited copy.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export const root = path.resolve(import.meta.dirname, "..", "..");
export const MIGRATIONS = {
  sqlite: path.join(root, "prisma", "migrations"),
  postgres: path.join(root, "prisma", "postgres", "migrations"),
};

export type Shape = Record<string, { columns: string[]; indexes: string[]; foreignKeys: string[] }>;

/** The runner's bookkeeping, not the data model. */
const RUNNER_TABLES = new Set(["_migrations"]);

export function migrationSql(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}

/** A copy of a migration tree to edit by hand, as someone might. */
export function copyMigrations(dir: string): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), "paywall-migrations-"));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** Removes every line matching `pattern` from the newest migration that has one (one hand edit). */
export function removeFromLatestMigration(dir: string, pattern: RegExp): string {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .reverse();
  for (const name of names) {
    const file = path.join(dir, name, "migration.sql");
    const lines = readFileSync(file, "utf8").split("\n");
    if (!lines.some((l) => pattern.test(l))) continue;
    writeFileSync(file, lines.filter((l) => !pattern.test(l)).join("\n"));
    return name;
  }
  throw new Error(`no migration has a line matching ${pattern}`);
}

/**
 * The SQL that creates, from nothing, exactly what a Prisma schema describes (`prisma migrate diff
 * --from-empty`). The CLI takes seconds (tens on a loaded machine), so its answer is kept under
 * tmp/ keyed by the schema's text and the Prisma version: the same input gives the same SQL.
 */
export function schemaSql(kind: "sqlite" | "postgres", databaseUrl: string): string {
  const config = kind === "sqlite" ? "prisma.config.ts" : "prisma/postgres/prisma.config.ts";
  const schema = kind === "sqlite" ? "prisma/schema.prisma" : "prisma/postgres/schema.prisma";
  const prismaVersion = JSON.parse(readFileSync(path.join(root, "node_modules", "prisma", "package.json"), "utf8")).version as string;
  const key = createHash("sha256")
    .update(`${kind}\0${prismaVersion}\0${readFileSync(path.join(root, schema), "utf8")}`)
    .digest("hex");
  const cached = path.join(root, "tmp", "schema-sql", `${key.slice(0, 32)}.sql`);
  if (existsSync(cached)) return readFileSync(cached, "utf8");
  // An existing file stops the CLI from trying to download a native engine (docs/stack.md).
  const dummy = path.join(root, "package.json");
  const out = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--config", config, "--from-empty", "--to-schema-datamodel", schema, "--script"],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_QUERY_ENGINE_LIBRARY: dummy, PRISMA_SCHEMA_ENGINE_BINARY: dummy },
    },
  );
  // The CLI prints "Loaded Prisma config from …" on stdout before the SQL.
  const sql = out
    .split("\n")
    .filter((l) => !l.startsWith("Loaded Prisma config"))
    .join("\n");
  mkdirSync(path.dirname(cached), { recursive: true });
  writeFileSync(cached, sql);
  return sql;
}

export function sqliteApply(file: string, scripts: string[]): void {
  const conn = new Database(file);
  try {
    for (const sql of scripts) conn.exec(sql);
  } finally {
    conn.close();
  }
}

export function sqliteShape(file: string): Shape {
  const conn = new Database(file, { readonly: true });
  try {
    const all = <T>(sql: string) => conn.prepare(sql).all() as T[];
    const tables = all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .map((t) => t.name)
      .filter((t) => !RUNNER_TABLES.has(t));
    const shape: Shape = {};
    for (const t of tables.sort()) {
      const q = (pragma: string) => `PRAGMA ${pragma}("${t.replaceAll('"', '""')}")`;
      const columns = all<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>(q("table_info")).map(
        (c) =>
          `${c.name} ${c.type}${c.notnull ? " NOT NULL" : ""}${c.dflt_value !== null ? ` DEFAULT ${c.dflt_value}` : ""}${c.pk ? ` PK${c.pk}` : ""}`,
      );
      const indexes = all<{ name: string; unique: number; partial: number }>(q("index_list")).map((i) => {
        const cols = all<{ name: string }>(`PRAGMA index_info("${i.name}")`).map((c) => c.name);
        return `${i.name}${i.unique ? " UNIQUE" : ""}${i.partial ? " PARTIAL" : ""} (${cols.join(", ")})`;
      });
      const foreignKeys = all<{ table: string; from: string; to: string; on_update: string; on_delete: string }>(q("foreign_key_list")).map(
        (f) => `${f.from} → ${f.table}.${f.to} ON DELETE ${f.on_delete} ON UPDATE ${f.on_update}`,
      );
      shape[t] = { columns: columns.sort(), indexes: indexes.sort(), foreignKeys: foreignKeys.sort() };
    }
    return shape;
  } finally {
    conn.close();
  }
}

/** A fresh, empty PostgreSQL database on the server of `serverUrl`; `drop()` removes it. */
export async function scratchPostgres(serverUrl: string, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `schema_${label}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export async function postgresApply(url: string, scripts: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const sql of scripts) await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function postgresShape(url: string): Promise<Shape> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const columns = await c.query<{ table_name: string; line: string }>(`
      SELECT table_name, column_name || ' ' || udt_name || coalesce('(' || character_maximum_length || ')', '')
        || CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END || coalesce(' DEFAULT ' || column_default, '') AS line
      FROM information_schema.columns WHERE table_schema = 'public'`);
    const indexes = await c.query<{ table_name: string; line: string }>(
      `SELECT tablename AS table_name, indexdef AS line FROM pg_indexes WHERE schemaname = 'public'`,
    );
    const keys = await c.query<{ table_name: string; line: string }>(`
      SELECT conrelid::regclass::text AS table_name, conname || ' ' || pg_get_constraintdef(oid) AS line
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype = 'f'`);
    const shape: Shape = {};
    const add = (rows: { table_name: string; line: string }[], key: "columns" | "indexes" | "foreignKeys") => {
      for (const r of rows) {
        const t = r.table_name.replace(/^"|"$/g, "");
        if (RUNNER_TABLES.has(t)) continue;
        (shape[t] ??= { columns: [], indexes: [], foreignKeys: [] })[key].push(r.line);
      }
    };
    add(columns.rows, "columns");
    add(indexes.rows, "indexes");
    add(keys.rows, "foreignKeys");
    for (const t of Object.values(shape)) for (const k of ["columns", "indexes", "foreignKeys"] as const) t[k].sort();
    return Object.fromEntries(Object.entries(shape).sort(([a], [b]) => a.localeCompare(b)));
  } finally {
    await c.end();
  }
}
