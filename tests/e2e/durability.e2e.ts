/**
 * Kill -9 in the middle of a burst of payment notifications, restart on the same
 * SQLite file: every payment the server acknowledged is settled exactly once, and
 * the phone's resends (of everything, as a phone that got no answer would) settle
 * the rest without double-counting anything.
 */
import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import path from "node:path";
import { startSite, type RunningSite } from "./support/server";
import { uploadUniversalCodes } from "../../scripts/lib/upload-codes";
import { signNative } from "../../lib/notify/native-signature";
import { receiptText } from "../../lib/notify/receipt-text";
import type { Channel } from "../../lib/channels";

const PORT = Number(process.env.E2E_PORT ?? 3900) + 2;
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const TOKEN = "durability-admin-token-0123456789abcdef";
const ENV = {
  NOTIFY_SECRET: SECRET,
  ADMIN_TOKEN: TOKEN,
  ORDER_RATE_PER_IP: "100000",
  ORDER_RATE_PER_READER: "100000",
  ORDER_MAX_HELD_PER_IP: "0",
  ORDER_TTL_SECONDS: "600",
  // ¥5.00 with a 50% band: 100 amounts per channel, room for the whole burst.
  AMOUNT_MAX_DISCOUNT_PERCENT: "50",
};
const ORDERS = 80;
let site: RunningSite | undefined;

afterAll(async () => site?.stop());

interface Sent {
  orderId: string;
  id: string;
  body: string;
  headers: Record<string, string>;
  acked: boolean;
}

function receipt(channel: Channel, amountCents: number, i: number): Omit<Sent, "orderId" | "acked"> {
  const body = JSON.stringify({ deviceid: "durability-phone", ...receiptText(channel, amountCents) });
  const id = `msg_durability_${i}`;
  return { id, body, headers: { ...signNative(SECRET, body, id), "content-type": "application/json" } };
}

async function post(s: Pick<Sent, "body" | "headers">): Promise<{ status: number; result?: string }> {
  const res = await fetch(`${site!.url}/api/notify`, { method: "POST", headers: s.headers, body: s.body });
  return { status: res.status, result: ((await res.json().catch(() => ({}))) as { result?: string }).result };
}

describe("durability of acknowledged payments", () => {
  it("settles every acknowledged payment exactly once after SIGKILL mid-burst and a restart", async () => {
    site = await startSite(PORT, ENV);
    const dataDir = site.dataDir;
    await uploadUniversalCodes(site.url, TOKEN);
    const hb = JSON.stringify({ deviceid: "durability-phone", type: "heartbeat" });
    await fetch(`${site.url}/api/notify`, {
      method: "POST",
      headers: { ...signNative(SECRET, hb, "msg_hb_1"), "content-type": "application/json" },
      body: hb,
    });

    const sent: Sent[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const channel: Channel = i % 2 ? "alipay" : "wechat";
      const res = await fetch(`${site.url}/api/orders`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: site.url },
        body: JSON.stringify({ slug: "indie-income-report", channel }),
      });
      expect(res.status).toBe(201);
      const o = (await res.json()) as { id: string; amountCents: number };
      sent.push({ orderId: o.id, ...receipt(channel, o.amountCents, i), acked: false });
    }

    // The burst: 8 phones' worth of concurrent deliveries; the server dies once 30 were answered.
    let answered = 0;
    let killing: Promise<void> | null = null;
    const queue = [...sent];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let s = queue.shift(); s; s = queue.shift()) {
          try {
            const r = await post(s);
            s.acked = r.status === 200 && r.result === "matched";
            if (++answered === 30) killing = site!.kill();
          } catch {
            /* connection refused or reset: the server is gone, the phone got no answer */
          }
        }
      }),
    );
    await killing;
    const acked = sent.filter((s) => s.acked);
    expect(acked.length).toBeGreaterThanOrEqual(30);
    expect(acked.length).toBeLessThan(ORDERS); // the kill really happened mid-burst

    site = await startSite(PORT, ENV, { dataDir });
    const file = path.join(dataDir, "site.db");
    const check = () => {
      const db = new Database(file, { readonly: true });
      try {
        const count = (sql: string) => new Map((db.prepare(sql).all() as { id: string; n: number }[]).map((r) => [r.id, r.n]));
        const paid = count(`SELECT "orderId" AS id, count(*) AS n FROM "Payment" WHERE "orderId" IS NOT NULL GROUP BY "orderId"`);
        const granted = count(`SELECT "orderId" AS id, count(*) AS n FROM "Entitlement" WHERE "orderId" IS NOT NULL GROUP BY "orderId"`);
        const statuses = new Map(
          (db.prepare(`SELECT id, status FROM "Order"`).all() as { id: string; status: string }[]).map((r) => [r.id, r.status]),
        );
        const payments = (db.prepare(`SELECT count(*) AS n FROM "Payment"`).get() as { n: number }).n;
        return { paid, payments, status: (id: string) => statuses.get(id), entitlements: (id: string) => granted.get(id) ?? 0 };
      } finally {
        db.close();
      }
    };
    const after = check();
    for (const s of acked) {
      expect(after.status(s.orderId), s.id).toBe("paid");
      expect(after.paid.get(s.orderId), s.id).toBe(1);
      expect(after.entitlements(s.orderId), s.id).toBe(1);
    }

    // The phone resends everything it sent (it cannot know which answers were lost).
    for (const s of sent) {
      const r = await post(s);
      expect(r.status, s.id).toBe(200);
      // Unacknowledged ones may have committed just before the kill: then they are duplicates too.
      if (s.acked) expect(r.result, s.id).toBe("duplicate");
      else expect(["matched", "duplicate"], s.id).toContain(r.result);
    }
    const final = check();
    expect(final.payments).toBe(ORDERS);
    for (const s of sent) {
      expect(final.status(s.orderId)).toBe("paid");
      expect(final.paid.get(s.orderId)).toBe(1);
      expect(final.entitlements(s.orderId)).toBe(1);
    }
    console.log(`[e2e] durability: ${acked.length}/${ORDERS} acknowledged before SIGKILL, all settled exactly once after restart`);
  }, 180_000);
});
