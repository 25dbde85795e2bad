/**
 * npm run backup / npm run restore on the real database (SQLite, and PostgreSQL with pg_dump):
 * a backup file restores into another database with every order, payment, entitlement, post,
 * image and the session secret; a damaged file, an existing database and a newer backup are
 * refused; the daily backup runs once however many workers ask; failures reach the owner.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import * as tar from "tar";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runBackup } from "@/lib/backup/run";
import { watchBackups } from "@/lib/backup/schedule";
import { saveImage } from "@/lib/media/store";
import { createAlert } from "@/lib/alerts/admin";
import { runDueJobs } from "@/lib/jobs/runner";
import { handlers } from "@/lib/worker/start";
import { makeArticle, makeQr } from "../support/db";
import { order, pay, phoneOnline } from "../support/matching";
import { wechatReceipt } from "../support/notify";
import { cookieFrom } from "../support/http";
import { scratchDatabase, type ScratchDb } from "../support/databases";

const root = path.resolve(import.meta.dirname, "..", "..");
const onPostgres = !!process.env.TEST_DATABASE_URL;
let scratch: ScratchDb | null = null;
afterEach(async () => {
  await scratch?.drop();
  scratch = null;
});

/** A sold post, an unmatched payment and an uploaded image: what a backup must carry. */
async function someSales() {
  await phoneOnline();
  const post = await makeArticle({ slug: "sold-post", priceCents: 500 });
  await makeQr("wechat");
  const o = await order(post.slug);
  expect(o.status).toBe(201);
  expect((await pay(wechatReceipt(o.json.amountCents))).json.result).toBe("matched");
  expect((await pay(wechatReceipt(777))).json.result).toBe("unmatched");
  const p = new PNG({ width: 8, height: 8 });
  p.data.fill(90);
  const image = await saveImage(PNG.sync.write(p));
  return { orderId: o.json.id as string, reader: cookieFrom(o), image };
}

function restoreCli(file: string, target: ScratchDb, dataDir: string, ...flags: string[]) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/restore.ts", file, ...flags], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: target.url, DATA_DIR: dataDir },
    encoding: "utf8",
  });
}

const tmpDir = () => mkdtempSync(path.join(os.tmpdir(), "paywall-restore-"));

describe("backup and restore", () => {
  it("restores every order, payment, entitlement, post, image and the session secret into another database", async () => {
    const sales = await someSales();
    const backup = await runBackup("cli");
    expect(backup.manifest.counts).toMatchObject({ posts: 1, orders: 1, payments: 2, entitlements: 1, images: 1 });
    expect(backup.manifest.files.map((f) => f.path)).toEqual([onPostgres ? "database.pgdump" : "database.sqlite", "session-secret"]);
    expect(await db().backup.findUniqueOrThrow({ where: { id: backup.id } })).toMatchObject({ status: "done", bytes: backup.bytes });

    scratch = await scratchDatabase("restore");
    const dataDir = tmpDir();
    const run = restoreCli(backup.file, scratch, dataDir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("校验通过");
    expect(await scratch.scalar(`SELECT count(*) AS n FROM "Payment"`)).toBe(2);
    expect(await scratch.rows(`SELECT status FROM "Order" WHERE id = '${sales.orderId}'`)).toEqual([{ status: "paid" }]);
    expect(await scratch.scalar(`SELECT count(*) AS n FROM "Entitlement" WHERE "orderId" = '${sales.orderId}'`)).toBe(1);
    expect(await scratch.scalar(`SELECT count(*) AS n FROM "Article" WHERE slug = 'sold-post'`)).toBe(1);
    const name = sales.image.url.slice("/media/".length);
    const [img] = await scratch.rows<{ bytes: Uint8Array; size: number }>(`SELECT bytes, size FROM "MediaFile" WHERE name = '${name}'`);
    expect(Buffer.from(img.bytes).length).toBe(img.size);
    expect(readFileSync(path.join(dataDir, "session-secret"), "utf8")).toBe(process.env.SESSION_SECRET);
    if (!onPostgres) expect(await scratch.rows("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  }, 120_000);

  it("refuses a file whose contents do not match its manifest, changing nothing", async () => {
    await someSales();
    const backup = await runBackup("cli");
    const unpacked = tmpDir();
    await tar.extract({ file: backup.file, cwd: unpacked });
    writeFileSync(path.join(unpacked, "session-secret"), "x".repeat(process.env.SESSION_SECRET!.length));
    const tampered = path.join(tmpDir(), "tampered.tar.gz");
    await tar.create({ gzip: true, file: tampered, cwd: unpacked }, readdirSync(unpacked));

    scratch = await scratchDatabase("restore");
    const dataDir = tmpDir();
    const run = restoreCli(tampered, scratch, dataDir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("校验失败：session-secret");
    expect(existsSync(path.join(dataDir, "session-secret"))).toBe(false);
    if (onPostgres)
      expect(await scratch.scalar(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'`)).toBe(0);
    else expect(existsSync(scratch.url.slice("file:".length))).toBe(false);
  }, 120_000);

  it("refuses to overwrite an existing database without --force, and with --force keeps the old one beside it", async () => {
    await someSales();
    const backup = await runBackup("cli");
    scratch = await scratchDatabase("restore");
    const dataDir = tmpDir();
    expect(restoreCli(backup.file, scratch, dataDir).status).toBe(0);
    await scratch.exec(`DELETE FROM "Entitlement"`); // something happened after the backup

    const refused = restoreCli(backup.file, scratch, dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("--force");
    expect(await scratch.scalar(`SELECT count(*) AS n FROM "Entitlement"`)).toBe(0);

    const forced = restoreCli(backup.file, scratch, dataDir, "--force");
    expect(forced.status, forced.stderr).toBe(0);
    expect(await scratch.scalar(`SELECT count(*) AS n FROM "Entitlement"`)).toBe(1);
    if (onPostgres) {
      expect(
        await scratch.scalar(`SELECT count(*) AS n FROM information_schema.schemata WHERE schema_name LIKE 'public_before_restore_%'`),
      ).toBe(1);
    } else {
      const file = scratch.url.slice("file:".length);
      expect(readdirSync(path.dirname(file)).some((n) => n.startsWith(`${path.basename(file)}.before-restore-`))).toBe(true);
    }
  }, 120_000);

  it("records a failed backup and raises backup.failed for the owner", async () => {
    await createAlert({ kind: "webhook", events: ["backup.failed"], allowPrivate: true, config: { url: "http://127.0.0.1:9/hook" } });
    const blocker = path.join(tmpDir(), "a-file");
    writeFileSync(blocker, "not a folder");
    process.env.BACKUP_DIR = path.join(blocker, "backups");
    await expect(runBackup("manual")).rejects.toMatchObject({ code: "backup_failed" });
    const row = await db().backup.findFirstOrThrow();
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/ENOTDIR|not a directory/);
    const fanout = await db().job.findFirstOrThrow({ where: { ref: "backup.failed" } });
    expect(JSON.parse(fanout.payload)).toMatchObject({
      type: "backup.failed",
      data: { reason: "failed", trigger: "manual", lastSuccessAt: null },
    });
  });

  it("runs the daily backup once a day however many workers ask", async () => {
    process.env.BACKUP_TIME = "00:00";
    const now = new Date();
    await Promise.all([watchBackups(now), watchBackups(now)]);
    await watchBackups(now);
    expect(await db().job.count({ where: { kind: "backup.daily" } })).toBe(1);
    await Promise.all([runDueJobs(handlers, { workerId: "a" }), runDueJobs(handlers, { workerId: "b" })]);
    expect(await db().backup.count({ where: { status: "done", trigger: "daily" } })).toBe(1);
    expect(await db().job.findFirstOrThrow({ where: { kind: "backup.daily" } })).toMatchObject({ status: "done" });
  }, 60_000);

  it("raises backup.failed once when no backup succeeded for over a day", async () => {
    await createAlert({ kind: "webhook", events: ["backup.failed"], allowPrivate: true, config: { url: "http://127.0.0.1:9/hook" } });
    process.env.BACKUP_TIME = "off"; // no daily job in this test: only the alarm
    const old = new Date(Date.now() - 30 * 3600_000);
    await db().backup.create({ data: { id: "bak_old", trigger: "daily", host: "h", status: "done", startedAt: old, finishedAt: old } });
    await watchBackups();
    expect(await db().job.count({ where: { kind: "backup.overdue" } })).toBe(0); // off: nothing is overdue
    process.env.BACKUP_TIME = "23:59";
    await Promise.all([watchBackups(), watchBackups()]);
    expect(await db().job.count({ where: { kind: "backup.overdue" } })).toBe(1);
    await runDueJobs(handlers, { limit: 1 });
    const events = await db().job.findMany({ where: { ref: "backup.failed" } });
    expect(events.map((j) => JSON.parse(j.payload).data.reason)).toEqual(["overdue"]);
  });

  it.runIf(onPostgres)("says exactly which package to install when pg_dump is missing", async () => {
    process.env.PG_BIN_DIR = "/nonexistent";
    const [{ server_version_num: v }] = await db().$queryRawUnsafe<{ server_version_num: string }[]>("SHOW server_version_num");
    const major = Math.floor(Number(v) / 10000);
    await expect(runBackup("cli")).rejects.toThrow(`apt-get install -y postgresql-client-${major}`);
  });
});
