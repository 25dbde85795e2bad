/**
 * The receiving-accounts migration on a database from before it: a single-account site
 * (codes, a phone, an order holding its amount, a payment) must need no clicks after the
 * upgrade. Runs the committed SQL files on a scratch database of the suite's kind
 * (a fresh SQLite file, or a fresh schema in the test PostgreSQL).
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseKind } from "@/lib/config";

const MIGRATION = "20261127155808_receiving_accounts";

function migrations(kind: "sqlite" | "postgres") {
  const dir = path.resolve(import.meta.dirname, "../../prisma", ...(kind === "postgres" ? ["postgres"] : []), "migrations");
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const read = (n: string) => readFileSync(path.join(dir, n, "migration.sql"), "utf8");
  return { before: names.filter((n) => n < MIGRATION).map(read), ours: read(MIGRATION) };
}

const LEGACY = `
INSERT INTO "QrCode" ("id", "channel", "payload", "amountCents") VALUES ('qw', 'wechat', 'wxp://f2f0old', NULL), ('qa', 'alipay', 'https://qr.alipay.com/old', 100);
INSERT INTO "Device" ("id", "name", "secret", "protocol") VALUES ('dev_old', '旧手机', 'whsec_x', 'native');
INSERT INTO "Order" ("id", "readerId", "channel", "listPriceCents", "amountCents", "qrCodeId", "openSlot", "slotHeldUntil", "expiresAt")
  VALUES ('o1', 'r1', 'wechat', 100, 99, 'qw', 'wechat:99', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
         ('o2', 'r2', 'alipay', 100, 100, 'qa', NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO "Payment" ("id", "channel", "amountCents", "dedupeKey", "status") VALUES ('p1', 'alipay', 100, 'k1', 'unmatched');
`;

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

async function onScratchDatabase(run: (exec: (sql: string) => Promise<void>, query: Query) => Promise<void>) {
  const url = process.env.DATABASE_URL!;
  if (databaseKind(url) === "postgres") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const schema = `mig_${Date.now()}`;
    try {
      await client.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
      await run(
        async (sql) => void (await client.query(sql)),
        async (sql) => (await client.query(sql)).rows,
      );
    } finally {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    }
    return;
  }
  const conn = new Database(path.join(mkdtempSync(path.join(os.tmpdir(), "paywall-mig-")), "old.db"));
  try {
    await run(
      async (sql) => void conn.exec(sql),
      async (sql) => conn.prepare(sql).all() as Record<string, unknown>[],
    );
  } finally {
    conn.close();
  }
}

describe("receiving accounts migration", () => {
  it("gives an existing single-account site one default account per channel, with its codes, orders and held amounts on it", async () => {
    const kind = databaseKind(process.env.DATABASE_URL!);
    const { before, ours } = migrations(kind);
    await onScratchDatabase(async (exec, query) => {
      for (const sql of before) await exec(sql);
      await exec(LEGACY);
      await exec(ours);
      const accounts = await query(`SELECT "id", "channel", "defaultFor" FROM "Account" ORDER BY "id"`);
      expect(accounts).toEqual([
        { id: "acct_alipay", channel: "alipay", defaultFor: "alipay" },
        { id: "acct_wechat", channel: "wechat", defaultFor: "wechat" },
      ]);
      expect(await query(`SELECT "id", "accountId" FROM "QrCode" ORDER BY "id"`)).toEqual([
        { id: "qa", accountId: "acct_alipay" },
        { id: "qw", accountId: "acct_wechat" },
      ]);
      // The held amount moved to the per-account slot key, so the order is still matched after the upgrade.
      expect(await query(`SELECT "id", "accountId", "openSlot" FROM "Order" ORDER BY "id"`)).toEqual([
        { id: "o1", accountId: "acct_wechat", openSlot: "wechat:acct_wechat:99" },
        { id: "o2", accountId: "acct_alipay", openSlot: null },
      ]);
      expect(await query(`SELECT "accountId" FROM "Payment"`)).toEqual([{ accountId: "acct_alipay" }]);
      // A phone forwards both channels: unassigned means "the default account of each channel".
      expect(await query(`SELECT "accountId" FROM "Device"`)).toEqual([{ accountId: null }]);
    });
  });
});
