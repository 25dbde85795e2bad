/**
 * A clean restart, the way systemd does one (deploy/paywall.service: `npm start`, SIGTERM to every
 * process of the unit): while payment notifications keep arriving, the site stops accepting,
 * finishes what it was handling and exits within 10 s; nothing the phone was told is recorded is
 * lost, and after the restart nothing is settled twice. A reader's open pay dialog (Chromium)
 * reconnects its pushed stream to the new server and unlocks there.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { startUnit, type RunningUnit } from "./support/unit";
import { uploadUniversalCodes } from "../../scripts/lib/upload-codes";
import { signNative } from "../../lib/notify/native-signature";
import { receiptText } from "../../lib/notify/receipt-text";
import type { Channel } from "../../lib/channels";
import { marked } from "./support/marks";

const PORT = Number(process.env.E2E_PORT ?? 3900) + 20;
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const TOKEN = "restart-admin-token-0123456789abcdef";
const ORDERS = 60;
const POST = { slug: "restart-e2e", title: "重启测试", priceCents: 1000 };
const GATED = "重启之后解锁的正文";
const dataDir = mkdtempSync(path.join(os.tmpdir(), "paywall-restart-"));
const ENV = {
  DATA_DIR: dataDir,
  DATABASE_URL: `file:${path.join(dataDir, "site.db")}`,
  NOTIFY_SECRET: SECRET,
  ADMIN_TOKEN: TOKEN,
  SESSION_SECRET: "restart-session-secret-0123456789abcdef",
  ORDER_RATE_PER_IP: "100000",
  ORDER_RATE_PER_READER: "100000",
  ORDER_MAX_HELD_PER_IP: "0",
  ORDER_TTL_SECONDS: "900",
  AMOUNT_MAX_DISCOUNT_PERCENT: "50",
  TRUST_PROXY: "0",
};
let unit: RunningUnit | null = null;
let browser: Browser | null = null;
afterAll(async () => {
  await browser?.close();
  await unit?.stop().catch(() => {});
});

interface Sent {
  orderId: string;
  body: string;
  headers: Record<string, string>;
  acked: boolean;
  answers: string[];
}

async function post(base: string, s: Sent): Promise<string | null> {
  try {
    const res = await fetch(`${base}/api/notify`, { method: "POST", headers: s.headers, body: s.body });
    const j = (await res.json()) as { result?: string };
    return res.status === 200 ? (j.result ?? null) : null;
  } catch {
    return null; // refused or reset: the phone got no answer and will send it again
  }
}

function ledger() {
  const db = new Database(path.join(dataDir, "site.db"), { readonly: true });
  try {
    const per = (sql: string) => new Map((db.prepare(sql).all() as { id: string; n: number }[]).map((r) => [r.id, r.n]));
    return {
      payments: per(`SELECT "orderId" AS id, count(*) AS n FROM "Payment" WHERE "orderId" IS NOT NULL GROUP BY "orderId"`),
      grants: per(`SELECT "orderId" AS id, count(*) AS n FROM "Entitlement" WHERE "orderId" IS NOT NULL GROUP BY "orderId"`),
      leased: (db.prepare(`SELECT count(*) AS n FROM "Job" WHERE status = 'running'`).get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

describe("clean restart under load", () => {
  it("loses no acknowledged payment, settles none twice, exits within 10 s, and the open pay dialog unlocks after it", async () => {
    unit = await startUnit(PORT, ENV);
    const base = unit.url;
    await uploadUniversalCodes(base, TOKEN);
    const created = await fetch(`${base}/api/admin/articles`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ ...POST, published: true, markdown: `公开的开头\n\n<!-- more -->\n\n${GATED}` }),
    });
    expect(created.status).toBe(201);
    const hb = JSON.stringify({ deviceid: "restart-phone", type: "heartbeat" });
    await fetch(`${base}/api/notify`, {
      method: "POST",
      headers: { ...signNative(SECRET, hb, "msg_hb_r1"), "content-type": "application/json" },
      body: hb,
    });

    // The reader with the pay dialog open, its pushed stream connected.
    browser = await launchBrowser();
    const page = await (await browser.newContext()).newPage();
    const streams: { at: number; status: number }[] = [];
    page.on("response", (r) => /\/api\/orders\/[^/]+\/events$/.test(r.url()) && streams.push({ at: Date.now(), status: r.status() }));
    await page.goto(`${base}/posts/${POST.slug}`);
    const ordered = page.waitForResponse((r) => r.url().endsWith("/api/orders") && r.request().method() === "POST");
    await page.getByRole("button", { name: /^阅读全文/ }).click();
    const readerOrder = (await (await ordered).json()) as { id: string; amountCents: number; channel: Channel };
    await expect.poll(() => streams.length, { timeout: 15_000 }).toBeGreaterThan(0);

    const sent: Sent[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const channel: Channel = i % 2 ? "alipay" : "wechat";
      const res = await fetch(`${base}/api/orders`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({ slug: POST.slug, channel }),
      });
      expect(res.status).toBe(201);
      const o = (await res.json()) as { id: string; amountCents: number };
      const body = JSON.stringify({ deviceid: "restart-phone", ...receiptText(channel, o.amountCents) });
      const headers = {
        ...signNative(SECRET, body, `msg_restart_${i}_${randomBytes(4).toString("hex")}`),
        "content-type": "application/json",
      };
      sent.push({ orderId: o.id, body, headers, acked: false, answers: [] });
    }

    // The phones: six deliveries at a time, each resent until answered; SIGTERM lands once 20 were answered.
    let answered = 0;
    let stopping: Promise<number> | null = null;
    let current = base;
    const queue = [...sent];
    const phone = async () => {
      for (let s = queue.shift(); s; s = queue.shift()) {
        const result = await post(current, s);
        if (result) {
          s.answers.push(result);
          s.acked = true;
          if (++answered === 20) stopping = unit!.stop();
        } else {
          queue.push(s); // no answer: send again later, as a phone does
          await new Promise((r) => setTimeout(r, 200));
        }
        if (stopping && !s.acked) break; // while the server is down, the phones wait (below)
      }
    };
    await Promise.all(Array.from({ length: 6 }, phone));
    const stopMs = await stopping!;
    const ackedBeforeRestart = sent.filter((s) => s.acked);
    expect(stopMs).toBeLessThan(10_000);
    expect(unit.log()).toMatch(/\[server\] SIGTERM: stopping/);
    expect(unit.log()).toMatch(/stopped cleanly in \d+ ms/);
    const firstLog = unit.log();

    // Nothing acknowledged is lost: with the server gone, every answered notification is in the file.
    const down = ledger();
    for (const s of ackedBeforeRestart) expect(down.payments.get(s.orderId), s.orderId).toBe(1);
    expect(down.leased).toBe(0);

    const restartedAt = Date.now();
    unit = await startUnit(PORT, ENV);
    const downtime = Date.now() - restartedAt;
    current = unit.url;
    // The phones deliver the rest, and resend everything once more (they cannot know which answers were lost).
    for (const s of sent) if (!s.acked) expect(await post(current, s), s.orderId).toMatch(/^(matched|duplicate)$/);
    for (const s of ackedBeforeRestart) expect(await post(current, s)).toBe("duplicate");
    const after = ledger();
    for (const s of sent) {
      expect(after.payments.get(s.orderId), s.orderId).toBe(1);
      expect(after.grants.get(s.orderId), s.orderId).toBe(1);
    }

    // The reader's dialog reconnected its stream to the new server, and the unlock is pushed there.
    await expect.poll(() => streams.some((s) => s.at > restartedAt && s.status === 200), { timeout: 30_000 }).toBe(true);
    const paid = JSON.stringify({ deviceid: "restart-phone", ...receiptText(readerOrder.channel, readerOrder.amountCents) });
    const r = await fetch(`${current}/api/notify`, {
      method: "POST",
      headers: { ...signNative(SECRET, paid, "msg_restart_reader"), "content-type": "application/json" },
      body: paid,
    });
    expect(((await r.json()) as { result: string }).result).toBe("matched");
    await page.getByText(marked(GATED)).waitFor({ timeout: 10_000 });
    console.log(
      `[e2e] restart: SIGTERM to the unit's process group → every process gone in ${Math.round(stopMs)} ms ` +
        `(server: ${/stopping \(\d+ requests in flight\)/.exec(firstLog)?.[0]}, ${/stopped cleanly in \d+ ms/.exec(firstLog)?.[0]}); ` +
        `${ackedBeforeRestart.length}/${ORDERS} notifications acknowledged by then, all kept; serving again ${downtime} ms after the new start`,
    );
  }, 420_000);
});
