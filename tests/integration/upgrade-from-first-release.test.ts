/**
 * A database made by the first release (migration 20261126170121_init, with its own migration
 * record) and a week of sales in it, upgraded by what `npm start` runs first (scripts/seed.ts:
 * every migration since, then the start-up steps): every row is still there, the data moved
 * where the newer schema wants it, and each buyer, with the cookie the first release gave them,
 * still reads exactly what they bought. A database migrated by newer code is refused.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sign } from "cookie-signature";
import { afterEach, describe, expect, it } from "vitest";
import { GET as body } from "@/app/api/articles/[slug]/body/route";
import { disconnectDb } from "@/lib/db/client";
import { call, makeRequest } from "../support/http";
import { migrationSql, scratchDatabase, type ScratchDb } from "../support/databases";

const root = path.resolve(import.meta.dirname, "..", "..");
const FIRST = "20261126170121_init";
const DATA = readFileSync(path.join(root, "tests", "fixtures", "first-release", "data.sql"), "utf8");
const TABLES = ["Article", "QrCode", "Order", "Device", "Notification", "Payment", "Entitlement", "Event"];

let scratch: ScratchDb | null = null;
afterEach(async () => {
  await disconnectDb();
  await scratch?.drop();
  scratch = null;
});

/** What the first release's migration runner did, then the data. */
async function firstReleaseDatabase(): Promise<ScratchDb> {
  const s = await scratchDatabase("upgrade");
  const record =
    s.kind === "sqlite"
      ? "PRAGMA journal_mode = WAL; CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);"
      : "CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL);";
  await s.exec(
    `${record}\n${migrationSql(s.kind, FIRST)}\nINSERT INTO _migrations (name, applied_at) VALUES ('${FIRST}', '2026-11-19T08:00:00.000Z');`,
  );
  await s.exec(DATA);
  return s;
}

/** `npm start`'s first step, as its own process (server/start.ts runs it the same way). */
function startStep(url: string) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
}

async function counts(s: ScratchDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = await s.scalar(`SELECT count(*) AS n FROM "${t}"`);
  return out;
}

/** The reader cookie exactly as the first release signed it (lib/readers/session.ts then: "r.<id>"). */
const firstReleaseCookie = (readerId: string) => `pw_reader=${encodeURIComponent(sign(`r.${readerId}`, process.env.SESSION_SECRET!))}`;

async function readBody(slug: string, readerId: string) {
  return call(body, makeRequest("GET", `/api/articles/${slug}/body`, { cookie: firstReleaseCookie(readerId) }), { slug });
}

describe("upgrading a database made by the first release", () => {
  it("keeps every row and lets each buyer read what they bought, with the first release's cookie", async () => {
    scratch = await firstReleaseDatabase();
    const before = await counts(scratch);
    expect(before).toMatchObject({ Article: 3, Order: 6, Payment: 4, Entitlement: 3, Device: 1 });

    const run = startStep(scratch.url);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Applied migrations: 20261126171441_payment_content_key_and_duplicate");
    expect(run.stdout).toContain("Database not empty; nothing seeded.");

    const after = await counts(scratch);
    expect(after).toEqual(before);
    const applied = await scratch.rows<{ name: string }>("SELECT name FROM _migrations ORDER BY name");
    expect(applied.length).toBeGreaterThan(10);
    // Money moved where the newer schema wants it: the default receiving accounts own the old codes, orders and
    // payments, and the order still open at the upgrade holds its amount under the per-account slot key.
    expect(await scratch.scalar(`SELECT count(*) AS n FROM "Order" WHERE "accountId" IS NULL`)).toBe(0);
    expect(await scratch.scalar(`SELECT count(*) AS n FROM "Payment" WHERE "accountId" IS NULL`)).toBe(0);
    expect(await scratch.rows(`SELECT "openSlot", "status" FROM "Order" WHERE id = 'ord_open'`)).toEqual([
      { openSlot: "alipay:acct_alipay:299", status: "pending" },
    ]);
    // Links survive SQLite's table copies (lib/db/migrate.ts switches foreign keys off around them).
    expect(await scratch.scalar(`SELECT sum("amountCents") AS n FROM "Payment" WHERE "orderId" IS NOT NULL`)).toBe(499 + 300 + 498);
    expect(await scratch.scalar(`SELECT count(*) AS n FROM "Entitlement" WHERE "orderId" IS NULL`)).toBe(0);

    // The site, on the upgraded database, as a buyer's browser asks it.
    process.env.DATABASE_URL = scratch.url;
    const income = await readBody("indie-income", "readerBuyerAAAAAAAAAAA");
    expect(income.status).toBe(200);
    expect(income.json.html).toContain("GATED-INCOME-BODY");
    const stack = await readBody("my-stack", "readerBuyerAAAAAAAAAAA");
    expect(stack.status).toBe(200);
    expect(stack.json.html).toContain("GATED-STACK-BODY");
    // The other buyer bought one post, not the other.
    expect((await readBody("indie-income", "readerOtherBBBBBBBBBBB")).json.html).toContain("GATED-INCOME-BODY");
    const notBought = await readBody("my-stack", "readerOtherBBBBBBBBBBB");
    expect(notBought.status).toBe(403);
    expect(notBought.text).not.toContain("GATED-STACK-BODY");

    // Starting again changes nothing.
    const again = startStep(scratch.url);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).not.toContain("Applied migrations");
    expect(await counts(scratch)).toEqual(before);
  }, 180_000);

  it("refuses to start on a database migrated by newer code and says what to do, touching nothing", async () => {
    scratch = await firstReleaseDatabase();
    expect(startStep(scratch.url).status).toBe(0);
    await scratch.exec(
      `INSERT INTO _migrations (name, applied_at) VALUES ('29991231000000_from_a_newer_version', '2999-12-31T00:00:00.000Z')`,
    );
    const migrations = await scratch.scalar("SELECT count(*) AS n FROM _migrations");

    const run = startStep(scratch.url);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("29991231000000_from_a_newer_version");
    expect(run.stderr).toContain("数据库已被更新版本的程序升级过");
    expect(run.stderr).toContain("npm run restore");
    expect(await scratch.scalar("SELECT count(*) AS n FROM _migrations")).toBe(migrations);
    expect(await scratch.scalar(`SELECT count(*) AS n FROM "Order"`)).toBe(6);
  }, 180_000);
});
