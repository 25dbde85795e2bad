import { describe, expect, it } from "vitest";
import { makeArticle, makeQr } from "../support/db";
import { expectNoSharedSlots } from "../support/matching";
import { jsonLine, startWorker } from "../support/worker";

/** Starts a worker process and resolves once it has said "ready". */
function worker(args: string[]) {
  const w = startWorker("tests/support/slot-worker.ts", args, {
    ...process.env,
    ORDER_RATE_PER_IP: "100000",
    ORDER_RATE_PER_READER: "100000",
  });
  return { ...w, done: w.done.then((out) => jsonLine<{ ok: boolean; amountCents?: number; code?: string }[]>(out, "[")) };
}

describe("two server processes taking slots on one database", () => {
  it("never hands the same (channel, amount) to two open orders", async () => {
    // Demo mode (no NOTIFY_SECRET): the notifier gate is open in both processes, with demo codes.
    // ¥10.00: 100 amounts in the 10% band (AMOUNT_STEPS caps it), enough for 80 readers.
    const article = await makeArticle({ priceCents: 1000, demo: true });
    await makeQr("wechat", null, { demo: true });
    await makeQr("wechat", 997, { demo: true });
    const a = worker([article.slug, "wechat", "40", "a"]);
    const b = worker([article.slug, "wechat", "40", "b"]);
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    const results = [...(await a.done), ...(await b.done)];
    const ok = results.filter((r) => r.ok);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(ok).toHaveLength(80);
    expect(new Set(ok.map((r) => r.amountCents)).size).toBe(80);
    expect(ok.map((r) => r.amountCents).sort((x, y) => y! - x!)[0]).toBe(1000);
    await expectNoSharedSlots();
  }, 120_000);

  it("answers busy rather than sharing when both processes want more amounts than exist", async () => {
    process.env.AMOUNT_STEPS = "14";
    const article = await makeArticle({ priceCents: 1000, demo: true });
    await makeQr("alipay", null, { demo: true });
    const a = worker([article.slug, "alipay", "20", "a"]);
    const b = worker([article.slug, "alipay", "20", "b"]);
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    const results = [...(await a.done), ...(await b.done)];
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(15);
    expect(new Set(ok.map((r) => r.amountCents)).size).toBe(15);
    expect(results.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(25).fill("busy"));
    await expectNoSharedSlots();
  }, 120_000);
});
