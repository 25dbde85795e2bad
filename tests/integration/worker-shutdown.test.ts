/**
 * A stopping server's worker: it leases no new job, and a job it still holds goes back to the
 * queue at once (attempt not counted) for another process or the next start, instead of waiting
 * for its two-minute lease to run out.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/queue";
import { releaseLeases, runDueJobs } from "@/lib/jobs/runner";

describe("worker shutdown", () => {
  it("gives a held job back to the queue, due now, and another worker then runs it once", async () => {
    const id = await enqueue(db(), "test.slow", {});
    let finish!: () => void;
    const started = new Promise<void>((resolve) => {
      const slow = { "test.slow": () => (resolve(), new Promise<void>((r) => (finish = r))) };
      void runDueJobs(slow, { workerId: "stopping-worker" });
    });
    await started;
    expect(await db().job.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "running",
      lockedBy: "stopping-worker",
      attempts: 1,
    });

    expect(await releaseLeases("stopping-worker")).toBe(1);
    const released = await db().job.findUniqueOrThrow({ where: { id } });
    expect(released).toMatchObject({ status: "pending", lockedBy: null, lockedUntil: null, attempts: 0 });
    expect(released.runAt.getTime()).toBeLessThanOrEqual(Date.now());

    finish(); // the interrupted handler returns late: it no longer owns the job, so it marks nothing
    await new Promise((r) => setTimeout(r, 50));
    expect((await db().job.findUniqueOrThrow({ where: { id } })).status).toBe("pending");

    let ran = 0;
    expect(await runDueJobs({ "test.slow": async () => void ran++ }, { workerId: "next-process" })).toBe(1);
    expect(ran).toBe(1);
    expect(await db().job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "done", attempts: 1 });
  });

  it("leases nothing once told to stop", async () => {
    await enqueue(db(), "test.quick", {});
    let ran = 0;
    expect(await runDueJobs({ "test.quick": async () => void ran++ }, { stop: () => true })).toBe(0);
    expect(ran).toBe(0);
    expect(await db().job.count({ where: { status: "pending" } })).toBe(1);
  });
});
