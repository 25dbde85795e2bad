/**
 * Derives prisma/postgres/schema.prisma from the SQLite source of truth.
 * Usage: tsx scripts/derive-postgres-schema.ts [--check | --check-or-write]
 *   (no flag)         write the derived schema
 *   --check           exit 1 if the committed copy is out of date
 *   --check-or-write  write it when missing or different (postinstall)
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const source = path.join(root, "prisma", "schema.prisma");
const target = path.join(root, "prisma", "postgres", "schema.prisma");

export function derivePostgresSchema(sqlite: string): string {
  const out = sqlite
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('output     = "../lib/generated/sqlite"', 'output     = "../../lib/generated/postgres"')
    .replace(
      /^\/\/ Source of truth[\s\S]*?\n(?=\n)/m,
      "// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.ts. Do not edit.\n",
    );
  if (!out.includes('"postgresql"') || !out.includes("lib/generated/postgres")) {
    throw new Error("derive-postgres-schema: the SQLite schema no longer has the expected generator/datasource lines");
  }
  return out;
}

function main() {
  const mode = process.argv[2] ?? "--write";
  if (mode === "--help") {
    console.log("Usage: tsx scripts/derive-postgres-schema.ts [--check | --check-or-write]");
    return;
  }
  const derived = derivePostgresSchema(readFileSync(source, "utf8"));
  const current = existsSync(target) ? readFileSync(target, "utf8") : null;
  if (current === derived) return;
  if (mode === "--check") {
    console.error("prisma/postgres/schema.prisma is out of date: run `tsx scripts/derive-postgres-schema.ts`");
    process.exit(1);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, derived);
  console.log("wrote prisma/postgres/schema.prisma");
}

if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith("derive-postgres-schema.ts")) main();
