import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  copyMigrations,
  MIGRATIONS,
  migrationSql,
  postgresApply,
  postgresShape,
  removeFromLatestMigration,
  schemaSql,
  scratchPostgres,
  sqliteApply,
  sqliteShape,
  type Shape,
} from "../support/schema-shape";

/**
 * The data model exists three times: prisma/schema.prisma, its PostgreSQL twin, and the two
 * migration trees every database is actually built from. A migration edited by hand (or a schema
 * change without its migration) would go unnoticed by every other test, since they all run on
 * migrated databases. So: all migrations applied to an empty database must give exactly the
 * tables, columns, indexes and foreign keys the schema describes, built from the schema alone.
 * The SQLite check runs in the SQLite integration run, the PostgreSQL one in the PostgreSQL run
 * (npm test runs both; a scratch database on the run's server, dropped afterwards).
 */
const SLOW = { timeout: 180_000 };
const pgServer = process.env.TEST_DATABASE_URL?.startsWith("postgres") ? process.env.TEST_DATABASE_URL : null;
const tmpFile = (name: string) => path.join(mkdtempSync(path.join(os.tmpdir(), "paywall-schema-")), name);

function sqliteFromMigrations(dir: string) {
  const file = tmpFile("migrated.db");
  sqliteApply(file, migrationSql(dir));
  return sqliteShape(file);
}

describe.skipIf(pgServer)("SQLite: the migrations build what prisma/schema.prisma describes", () => {
  let expected: ReturnType<typeof sqliteShape> | undefined;
  const fromSchema = () => {
    if (!expected) {
      const file = tmpFile("from-schema.db");
      sqliteApply(file, [schemaSql("sqlite", `file:${file}`)]);
      expected = sqliteShape(file);
    }
    return expected;
  };

  it("gives exactly the schema's tables, columns, indexes and foreign keys", SLOW, () => {
    const want = fromSchema();
    expect(Object.keys(want)).toContain("Order");
    expect(sqliteFromMigrations(MIGRATIONS.sqlite)).toEqual(want);
  });

  it("notices a hand-edited migration that drops the unique index on Order.openSlot", SLOW, () => {
    const edited = copyMigrations(MIGRATIONS.sqlite);
    removeFromLatestMigration(edited, /"Order_openSlot_key"/);
    const got = sqliteFromMigrations(edited);
    expect(got.Order.indexes.some((i) => i.includes("openSlot"))).toBe(false);
    expect(got).not.toEqual(fromSchema());
  });
});

describe.skipIf(!pgServer)("PostgreSQL: the migrations build what prisma/postgres/schema.prisma describes", () => {
  let expected: Shape | undefined;
  const fromSchema = async () => {
    if (!expected) {
      const db = await scratchPostgres(pgServer!, "schema");
      try {
        await postgresApply(db.url, [schemaSql("postgres", db.url)]);
        expected = await postgresShape(db.url);
      } finally {
        await db.drop();
      }
    }
    return expected;
  };
  const fromMigrations = async (dir: string) => {
    const db = await scratchPostgres(pgServer!, "migrated");
    try {
      await postgresApply(db.url, migrationSql(dir));
      return await postgresShape(db.url);
    } finally {
      await db.drop();
    }
  };

  it("gives exactly the schema's tables, columns, indexes and foreign keys", SLOW, async () => {
    const want = await fromSchema();
    expect(Object.keys(want)).toContain("Order");
    expect(await fromMigrations(MIGRATIONS.postgres)).toEqual(want);
  });

  it("notices a hand-edited migration that drops the unique index on Order.openSlot", SLOW, async () => {
    const edited = copyMigrations(MIGRATIONS.postgres);
    removeFromLatestMigration(edited, /"Order_openSlot_key"/);
    const got = await fromMigrations(edited);
    expect(got.Order.indexes.some((i) => i.includes("openSlot"))).toBe(false);
    expect(got).not.toEqual(await fromSchema());
  });
});
