/**
 * The standby phone with two server processes on one database: one process gets the primary
 * phone's reports, the other the standby's, at the same moment, and both run the job worker.
 * Every payment is recorded exactly once, pairs with at most one report of the other phone,
 * and nothing lands in the inbox.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createOrder } from "@/lib/orders/create";
import { runDueJobs } from "@/lib/jobs/runner";
import { handlers } from "@/lib/worker/start";
import { makeArticle } from "../support/db";
import { makePhone, secondAccount } from "../support/accounts";
import { jsonLine, startWorker } from "../support/worker";

const N = 24;

function worker(receipts: unknown[], jobsAfterSeconds: number, id: string) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "paywall-receipts-")), "r.json");
  writeFileSync(file, JSON.stringify(receipts));
  const w = startWorker("tests/support/receipt-worker.ts", [file, String(jobsAfterSeconds), id]);
  return { ...w, done: w.done.then((out) => jsonLine<{ results: string[]; jobs: number }>(out, "{")) };
}

describe("a standby phone with two server processes", () => {
  it("records each payment exactly once whether the primary reports it first, later, or never", async () => {
    process.env.DISABLE_DEMO = "1";
    process.env.ORDER_RATE_PER_IP = "100000";
    process.env.ORDER_RATE_PER_READER = "100000";
    const article = await makeArticle({ priceCents: 1000 });
    const { account, phone: primary } = await secondAccount("wechat");
    const standby = await makePhone([{ id: account.id, role: "standby" }]);
    const orders = [];
    for (let i = 0; i < N; i++)
      orders.push((await createOrder({ slug: article.slug, channel: "wechat", readerId: `r${i}`, ip: `ip${i}` })).order);
    expect(new Set(orders.map((o) => o.amountCents)).size).toBe(N);
    // The primary misses every third payment; the standby reports them all. Each phone's own message ids.
    const fromPrimary = orders
      .filter((_, i) => i % 3 !== 0)
      .map((o) => ({ amountCents: o.amountCents, dedupeKey: `p:${o.id}`, deviceId: primary.id }));
    const fromStandby = orders.map((o) => ({ amountCents: o.amountCents, dedupeKey: `s:${o.id}`, deviceId: standby.id }));
    const a = worker(fromPrimary, 21, "process-a");
    const b = worker(fromStandby, 21, "process-b");
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([...ra.results, ...rb.results].filter((r) => r.startsWith("error"))).toEqual([]);
    // Whatever is still due (a report that arrived after both workers looked) runs now.
    while ((await runDueJobs(handlers, { now: new Date(Date.now() + 21_000) })) > 0);

    const paid = await db().order.findMany({ where: { id: { in: orders.map((o) => o.id) } }, select: { status: true, payment: true } });
    expect(paid.map((o) => o.status)).toEqual(Array(N).fill("paid"));
    const payments = await db().payment.findMany();
    expect(payments).toHaveLength(N);
    expect(payments.filter((p) => p.status === "unmatched")).toEqual([]);
    const reports = await db().standbyReport.findMany();
    expect(reports).toHaveLength(N);
    expect(reports.filter((r) => r.status === "waiting")).toEqual([]);
    // Each payment is paired with exactly one standby report; the ones only the standby saw were settled by it.
    expect(new Set(reports.map((r) => r.paymentId)).size).toBe(N);
    const missed = new Set(orders.filter((_, i) => i % 3 === 0).map((o) => o.amountCents));
    for (const r of reports.filter((r) => missed.has(r.amountCents))) expect(r.status).toBe("settled");
  }, 120_000);
});
