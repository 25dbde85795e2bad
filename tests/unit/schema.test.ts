import { readFileSync } from "node:fs";
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
});
