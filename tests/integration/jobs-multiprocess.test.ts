import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAlert } from "@/lib/alerts/admin";
import { startReceiver, type Receiver } from "../support/receiver";
import { jsonLine, startWorker } from "../support/worker";

let rx: Receiver;
beforeAll(async () => (rx = await startReceiver()));
afterAll(async () => rx.close());

function worker(id: string) {
  const w = startWorker("tests/support/job-worker.ts", [id]);
  return { ...w, done: w.done.then((out) => jsonLine<{ ran: number }>(out, "{")) };
}

describe("two server processes running the job worker on one database", () => {
  it("deliver every alert exactly once between them", async () => {
    const { alert } = await createAlert({
      kind: "webhook",
      events: ["payment.unmatched"],
      allowPrivate: true,
      config: { url: `${rx.url}/hook` },
    });
    const data = { paymentId: "p", channel: "wechat", amountCents: 1, suspectedDuplicateOf: null };
    await db().job.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({
        id: `job_${i}`,
        kind: "alert.deliver",
        ref: alert.id,
        payload: JSON.stringify({
          alertId: alert.id,
          event: { id: `evt_${i}`, type: "payment.unmatched", timestamp: new Date().toISOString(), data },
        }),
      })),
    });
    const a = worker("process-a");
    const b = worker("process-b");
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.ran + rb.ran).toBe(40);
    const ids = rx.requests.map((r) => String(r.headers["webhook-id"]));
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(await db().job.count({ where: { status: "done" } })).toBe(40);
  }, 120_000);
});
