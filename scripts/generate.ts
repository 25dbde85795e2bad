/**
 * postinstall: generate both Prisma clients (SQLite and PostgreSQL) offline.
 * The env vars point the CLI at an existing file so it does not try to
 * download native engines it will never use (we run the JS engine).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dummy = path.join(root, "package.json");
const env = {
  ...process.env,
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? dummy,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? dummy,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
execFileSync("npx", ["tsx", "scripts/derive-postgres-schema.ts", "--check-or-write"], { cwd: root, env, stdio: "inherit" });
for (const config of ["prisma.config.ts", "prisma/postgres/prisma.config.ts"]) {
  execFileSync("npx", ["prisma", "generate", "--config", config], { cwd: root, env, stdio: "inherit" });
}
