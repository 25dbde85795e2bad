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
const DEVICE_ACCOUNTS = "20261204162721_account_health_ceilings_standby_requests";

function migrations(kind: "sqlite" | "postgres", name = MIGRATION) {
  const dir = path.resolve(import.meta.dirname, "../../prisma", ...(kind === "postgres" ? ["postgres"] : []), "migrations");
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const read = (n: string) => readFileSync(path.join(dir, n, "migration.sql"), "utf8");
  return { before: names.filter((n) => n < name).map(read), ours: read(name) };
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

  it("turns each phone's one account into its assignment and keeps every row that points at phones and payments", async () => {
    const kind = databaseKind(process.env.DATABASE_URL!);
    const { before, ours } = migrations(kind, DEVICE_ACCOUNTS);
    await onScratchDatabase(async (exec, query) => {
      for (const sql of before) await exec(sql);
      await exec(`
INSERT INTO "Account" ("id", "channel", "name") VALUES ('acct_fam', 'wechat', '家人的微信');
INSERT INTO "Device" ("id", "name", "secret", "accountId") VALUES ('d1', '家人的手机', 'whsec_x', 'acct_fam'), ('d2', '旧手机', 'whsec_y', NULL);
INSERT INTO "Notification" ("id", "deviceId", "protocol", "method", "path", "headers", "body") VALUES ('n1', 'd1', 'native', 'POST', '/api/notify', '{}', '{}');
INSERT INTO "Payment" ("id", "channel", "accountId", "amountCents", "dedupeKey", "status", "notificationId") VALUES ('p1', 'wechat', 'acct_fam', 99, 'k1', 'unmatched', 'n1');
INSERT INTO "BillImport" ("id", "channel", "format", "fileHash", "periodStart", "periodEnd", "summary") VALUES ('b1', 'wechat', 'wechat_csv', 'h', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '{}');
INSERT INTO "BillEntry" ("id", "importId", "channel", "txId", "amountCents", "occurredAt", "kind", "outcome", "paymentId") VALUES ('e1', 'b1', 'wechat', 't1', 99, CURRENT_TIMESTAMP, 'x', 'inbox', 'p1');
`);
      // As the runner applies it: in one transaction, with foreign keys enforced.
      await exec(`BEGIN; ${ours} COMMIT;`);
      expect(await query(`SELECT "deviceId", "accountId", "role" FROM "DeviceAccount"`)).toEqual([
        { deviceId: "d1", accountId: "acct_fam", role: "primary" },
      ]);
      expect(await query(`SELECT "deviceId" FROM "Notification"`)).toEqual([{ deviceId: "d1" }]);
      expect(await query(`SELECT "paymentId" FROM "BillEntry"`)).toEqual([{ paymentId: "p1" }]);
      expect(await query(`SELECT "health", "perDayCount" FROM "Account" WHERE "id" = 'acct_fam'`)).toEqual([
        { health: "ok", perDayCount: null },
      ]);
      expect(await query(`SELECT "unowned" FROM "Payment"`)).toEqual([{ unowned: kind === "postgres" ? false : 0 }]);
      await expect(query(`SELECT "accountId" FROM "Device"`)).rejects.toThrow();
    });
  });
});
