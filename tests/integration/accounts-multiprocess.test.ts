/**
 * The receiving-account rules with two server processes on one database: a daily ceiling is
 * never overshot by orders racing in two processes, and a health change is made (and
 * alerted) once when both processes' workers watch at the same moment.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { accountStates } from "@/lib/accounts/store";
import { makeArticle, makeQr } from "../support/db";
import { expectNoSharedSlots, phoneOnline } from "../support/matching";
import { pastOrder, secondAccount } from "../support/accounts";
import { jsonLine, startWorker } from "../support/worker";

function takeSlots(args: string[]) {
  const w = startWorker("tests/support/slot-worker.ts", args, {
    ...process.env,
    ORDER_RATE_PER_IP: "100000",
    ORDER_RATE_PER_READER: "100000",
  });
  return { ...w, done: w.done.then((out) => jsonLine<{ ok: boolean; code?: string }[]>(out, "[")) };
}

describe("receiving accounts with two server processes", () => {
  it("never lets an account take more orders than its daily ceiling, however the orders race", async () => {
    const article = await makeArticle({ priceCents: 1000, demo: true });
    await makeQr("wechat", null, { demo: true });
    await accountStates();
    await db().account.update({ where: { id: "acct_wechat" }, data: { perDayCount: 12 } });
    const a = takeSlots([article.slug, "wechat", "15", "a"]);
    const b = takeSlots([article.slug, "wechat", "15", "b"]);
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    const results = [...(await a.done), ...(await b.done)];
    expect(results.filter((r) => r.ok)).toHaveLength(12);
    expect(results.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(18).fill("daily_limit"));
    expect(await db().order.count({ where: { accountId: "acct_wechat" } })).toBe(12);
    await expectNoSharedSlots();
  }, 120_000);

  it("marks a failing account 可疑 once, with one alert, when both processes watch together", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await phoneOnline();
    const { account } = await secondAccount("wechat");
    await db().alert.create({ data: { id: "al_s", kind: "webhook", name: "h", config: "{}", events: '["account.suspect"]' } });
    for (let i = 0; i < 8; i++) {
      await pastOrder(account.id, article.id, { minutesAgo: 90 - i * 3 });
      await pastOrder("acct_wechat", article.id, { minutesAgo: 89 - i * 3, paid: true });
    }
    const workers = [startWorker("tests/support/watch-worker.ts", []), startWorker("tests/support/watch-worker.ts", [])];
    await Promise.all(workers.map((w) => w.ready));
    workers.forEach((w) => w.go());
    await Promise.all(workers.map((w) => w.done));
    expect((await db().account.findUniqueOrThrow({ where: { id: account.id } })).health).toBe("suspect");
    expect(await db().job.count({ where: { kind: "alert.fanout", ref: "account.suspect" } })).toBe(1);
  }, 120_000);
});
