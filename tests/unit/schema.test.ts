import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema } from "../../scripts/derive-postgres-schema";

const root = path.resolve(import.meta.dirname, "..", "..");
const read = (p: string) => readFileSync(path.join(root, p), "utf8");

describe("schema bookkeeping", () => {
  it("has a migration for every change to prisma/schema.prisma", () => {
    // npm run db:new-migration updates the snapshot together with the SQL.
    expect(read("prisma/migrations/schema.snapshot.prisma")).toBe(read("prisma/schema.prisma"));
  });

  it("keeps the PostgreSQL schema derived from the SQLite one", () => {
    expect(read("prisma/postgres/schema.prisma")).toBe(derivePostgresSchema(read("prisma/schema.prisma")));
  });

  it("has the same migration folders for SQLite and PostgreSQL, each with its SQL", () => {
    const folders = (dir: string) =>
      readdirSync(path.join(root, dir), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
    const sqlite = folders("prisma/migrations");
    expect(sqlite.length).toBeGreaterThan(0);
    expect(folders("prisma/postgres/migrations")).toEqual(sqlite);
    for (const f of sqlite) {
      expect(read(`prisma/migrations/${f}/migration.sql`).trim()).not.toBe("");
      expect(read(`prisma/postgres/migrations/${f}/migration.sql`).trim()).not.toBe("");
    }
  });
});
