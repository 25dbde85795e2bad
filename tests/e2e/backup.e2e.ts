/**
 * Backups of a site that is serving and taking payments: `npm run backup` during a burst of
 * payment notifications gives a file whose database passes PRAGMA integrity_check and has every
 * notification acknowledged before the backup began settled; `npm run restore` puts it in a new
 * data folder and the restored site starts with the buyer's post readable and the image served.
 * The owner's 备份 page shows the last backup, makes one (立即备份) and downloads it.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { startSite, type RunningSite } from "./support/server";
import { uploadUniversalCodes } from "../../scripts/lib/upload-codes";
import { signNative } from "../../lib/notify/native-signature";
import { receiptText } from "../../lib/notify/receipt-text";
import type { Channel } from "../../lib/channels";
import { unmarked } from "./support/marks";

const root = path.resolve(import.meta.dirname, "..", "..");
const PORT = Number(process.env.E2E_PORT ?? 3900) + 30;
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const TOKEN = "backup-admin-token-0123456789abcdef";
const PASSWORD = "backup-owner-password";
const ORDERS = 120;
const POST = { slug: "backup-e2e", title: "备份测试", priceCents: 1000 };
const GATED = "备份恢复之后仍然读得到的正文";
const ENV = {
  NOTIFY_SECRET: SECRET,
  ADMIN_TOKEN: TOKEN,
  ADMIN_PASSWORD: PASSWORD,
  SESSION_SECRET: "backup-session-secret-0123456789abcdef",
  ORDER_RATE_PER_IP: "100000",
  ORDER_RATE_PER_READER: "100000",
  ORDER_MAX_HELD_PER_IP: "0",
  ORDER_TTL_SECONDS: "900",
  AMOUNT_MAX_DISCOUNT_PERCENT: "50",
};
const sites: RunningSite[] = [];
afterAll(async () => {
  for (const s of sites) await s.stop();
});

function npmScript(script: "backup" | "restore", args: string[], env: Record<string, string>) {
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", `scripts/${script}.ts`, ...args], {
    cwd: root,
    env: { ...process.env, ...ENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const admin = (base: string, method: string, p: string, body?: unknown) =>
  fetch(`${base}${p}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

describe("backup while the site takes payments, and restore", () => {
  it("restores a backup taken mid-burst: integrity ok, every payment acknowledged before it settled, the site intact", async () => {
    const site = await startSite(PORT, ENV);
    sites.push(site);
    const dbEnv = { DATA_DIR: site.dataDir, DATABASE_URL: `file:${path.join(site.dataDir, "site.db")}` };
    await uploadUniversalCodes(site.url, TOKEN);
    expect(
      (await admin(site.url, "POST", "/api/admin/articles", { ...POST, published: true, markdown: `开头\n\n<!-- more -->\n\n${GATED}` }))
        .status,
    ).toBe(201);
    const png = new PNG({ width: 16, height: 9 });
    png.data.fill(120);
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(PNG.sync.write(png))], { type: "image/png" }), "cover.png");
    const image = (await (
      await fetch(`${site.url}/api/admin/media`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body: form })
    ).json()) as { url: string };
    const hb = JSON.stringify({ deviceid: "backup-phone", type: "heartbeat" });
    await fetch(`${site.url}/api/notify`, {
      method: "POST",
      headers: { ...signNative(SECRET, hb, "msg_hb_b1"), "content-type": "application/json" },
      body: hb,
    });

    const sent: { orderId: string; cookie: string; body: string; headers: Record<string, string>; ackedAt: number | null }[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const channel: Channel = i % 2 ? "alipay" : "wechat";
      const res = await fetch(`${site.url}/api/orders`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: site.url },
        body: JSON.stringify({ slug: POST.slug, channel }),
      });
      expect(res.status).toBe(201);
      const o = (await res.json()) as { id: string; amountCents: number };
      const body = JSON.stringify({ deviceid: "backup-phone", ...receiptText(channel, o.amountCents) });
      const headers = {
        ...signNative(SECRET, body, `msg_backup_${i}_${randomBytes(4).toString("hex")}`),
        "content-type": "application/json",
      };
      sent.push({ orderId: o.id, cookie: (res.headers.get("set-cookie") ?? "").split(";")[0], body, headers, ackedAt: null });
    }

    // The burst; the backup starts once 40 payments were acknowledged and the burst goes on around it.
    let backupStartedAt = 0;
    let backup: Promise<{ code: number | null; out: string; err: string }> | null = null;
    const queue = [...sent];
    let acked = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let s = queue.shift(); s; s = queue.shift()) {
          const res = await fetch(`${site.url}/api/notify`, { method: "POST", headers: s.headers, body: s.body });
          expect(((await res.json()) as { result: string }).result).toBe("matched");
          s.ackedAt = performance.now();
          if (++acked === 40) {
            backupStartedAt = performance.now();
            const child = npmScript("backup", ["--json"], dbEnv);
            let out = "";
            let err = "";
            child.stdout.on("data", (d) => (out += d));
            child.stderr.on("data", (d) => (err += d));
            backup = new Promise((resolve) => child.on("exit", (code) => resolve({ code, out, err })));
          }
        }
      }),
    );
    const made = await backup!;
    expect(made.code, made.err).toBe(0);
    const result = JSON.parse(made.out.trim().split("\n").pop()!) as { file: string; bytes: number; ms: number };
    const before = sent.filter((s) => s.ackedAt !== null && s.ackedAt < backupStartedAt);
    expect(before.length).toBeGreaterThanOrEqual(40);

    // Restore into a new data folder, as on a new machine.
    const restoredDir = mkdtempSync(path.join(os.tmpdir(), "paywall-restored-"));
    const restoredEnv = { DATA_DIR: restoredDir, DATABASE_URL: `file:${path.join(restoredDir, "site.db")}` };
    const restore = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/restore.ts", result.file], {
      cwd: root,
      env: { ...process.env, ...ENV, ...restoredEnv },
      encoding: "utf8",
    });
    expect(restore.status, restore.stderr).toBe(0);
    const db = new Database(path.join(restoredDir, "site.db"), { readonly: true });
    try {
      expect(db.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
      const paid = new Map(
        (
          db
            .prepare(
              `SELECT o.id AS id, o.status AS status, count(p.id) AS payments, count(DISTINCT e.id) AS grants FROM "Order" o LEFT JOIN "Payment" p ON p."orderId" = o.id LEFT JOIN "Entitlement" e ON e."orderId" = o.id GROUP BY o.id`,
            )
            .all() as {
            id: string;
            status: string;
            payments: number;
            grants: number;
          }[]
        ).map((r) => [r.id, r]),
      );
      for (const s of before) expect(paid.get(s.orderId), s.orderId).toMatchObject({ status: "paid", payments: 1, grants: 1 });
    } finally {
      db.close();
    }

    // The restored site starts with the buyer's post and the image.
    const restored = await startSite(PORT + 1, ENV, { dataDir: restoredDir });
    sites.push(restored);
    const buyer = before[0];
    const read = await fetch(`${restored.url}/api/articles/${POST.slug}/body`, { headers: { cookie: buyer.cookie } });
    expect(read.status).toBe(200);
    expect(unmarked(((await read.json()) as { html: string }).html)).toContain(GATED);
    const served = await fetch(`${restored.url}${image.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    console.log(
      `[e2e] backup during a burst of ${ORDERS} notifications: ${(result.bytes / 1024).toFixed(0)} KB in ${result.ms} ms (npm run backup); ` +
        `${before.length} acknowledged before it began, all settled in the restored copy`,
    );
  }, 300_000);

  it("shows the last backup on the owner's 备份 page, makes one with 立即备份 and downloads it", async () => {
    const site = sites[0];
    const browser = await launchBrowser();
    try {
      const ctx = await browser.newContext({ acceptDownloads: true });
      const page = await ctx.newPage();
      await page.goto(`${site.url}/admin/login`);
      await page.getByLabel("管理密码").fill(PASSWORD);
      await page.getByRole("button", { name: "登录" }).click();
      await page.waitForURL(`${site.url}/admin`);
      await page.goto(`${site.url}/admin/backups`);
      await expect.poll(() => page.getByTestId("last-backup").textContent()).toMatch(/上次成功备份：.*前|刚刚/);
      await page.getByRole("button", { name: "立即备份" }).click();
      await page.getByText(/备份完成：paywall-backup-/).waitFor({ timeout: 60_000 });
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载" }).first().click()]);
      const saved = await download.path();
      const list = (await (await admin(site.url, "GET", "/api/admin/backups")).json()) as {
        items: { trigger: string; fileName: string; sha256: string }[];
      };
      expect(list.items.map((b) => b.trigger)).toContain("manual");
      const row = list.items.find((b) => b.fileName === download.suggestedFilename());
      expect(row, download.suggestedFilename()).toBeDefined();
      expect(createHash("sha256").update(readFileSync(saved)).digest("hex")).toBe(row!.sha256);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
