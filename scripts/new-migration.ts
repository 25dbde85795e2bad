/**
 * Creates a migration for both SQLite and PostgreSQL from the change between
 * the schema at the last migration (prisma/migrations/schema.snapshot.prisma)
 * and prisma/schema.prisma. Usage: npm run db:new-migration -- <name>
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { derivePostgresSchema } from "./derive-postgres-schema";
import { startThrowawayPostgres } from "./lib/postgres";

const root = path.resolve(import.meta.dirname, "..");
const name = process.argv[2];
if (!name || name === "--help" || !/^[a-z0-9_]+$/.test(name)) {
  console.log("Usage: npm run db:new-migration -- <snake_case_name>");
  process.exit(name === "--help" ? 0 : 1);
}

const snapshot = path.join(root, "prisma", "migrations", "schema.snapshot.prisma");
const current = readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
const previous = existsSync(snapshot) ? readFileSync(snapshot, "utf8") : null;
if (previous === current) {
  console.log("No schema change since the last migration.");
  process.exit(0);
}
const tmp = mkdtempSync(path.join(os.tmpdir(), "paywall-mig-"));
const dummy = path.join(root, "package.json");
const env = { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: dummy, PRISMA_SCHEMA_ENGINE_BINARY: dummy };

function diff(config: string, from: string | null, to: string, dbUrl: string): string {
  const fromArgs = from ? ["--from-schema-datamodel", from] : ["--from-empty"];
  const out = execFileSync("npx", ["prisma", "migrate", "diff", "--config", config, ...fromArgs, "--to-schema-datamodel", to, "--script"], {
    cwd: root,
    env: { ...env, DATABASE_URL: dbUrl },
    encoding: "utf8",
  });
  // The CLI prints "Loaded Prisma config from …" on stdout before the SQL.
  return (
    out
      .split("\n")
      .filter((l) => !l.startsWith("Loaded Prisma config"))
      .join("\n")
      .trim() + "\n"
  );
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
const files = { prevSqlite: path.join(tmp, "prev.prisma"), prevPg: path.join(tmp, "prev-pg.prisma"), pg: path.join(tmp, "pg.prisma") };
if (previous) {
  writeFileSync(files.prevSqlite, previous);
  writeFileSync(files.prevPg, derivePostgresSchema(previous));
}
writeFileSync(files.pg, derivePostgresSchema(current));

const sqliteSql = diff("prisma.config.ts", previous ? files.prevSqlite : null, "prisma/schema.prisma", `file:${path.join(tmp, "x.db")}`);
const pgServer = startThrowawayPostgres();
let pgSql: string;
try {
  pgSql = diff("prisma/postgres/prisma.config.ts", previous ? files.prevPg : null, files.pg, pgServer.url);
} finally {
  pgServer.stop();
}
for (const [dir, sql] of [
  ["prisma/migrations", sqliteSql],
  ["prisma/postgres/migrations", pgSql],
] as const) {
  mkdirSync(path.join(root, dir, folder), { recursive: true });
  writeFileSync(path.join(root, dir, folder, "migration.sql"), sql);
}
writeFileSync(snapshot, current);
console.log(`Created ${folder} for SQLite and PostgreSQL.`);
