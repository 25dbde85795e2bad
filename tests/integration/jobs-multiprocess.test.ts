import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAlert } from "@/lib/alerts/admin";
import { startReceiver, type Receiver } from "../support/receiver";

const root = path.resolve(import.meta.dirname, "../..");
let rx: Receiver;
beforeAll(async () => (rx = await startReceiver()));
afterAll(async () => rx.close());

function worker(id: string) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/job-worker.ts", id], {
    cwd: root,
    env: process.env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("ready\n")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`worker exited early (${code}): ${err}`)));
  });
  const done = new Promise<{ ran: number }>((resolve, reject) => {
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (code === 0 && line) resolve(JSON.parse(line));
      else reject(new Error(`worker failed (${code}): ${err}`));
    });
  });
  return { ready, done, go: () => child.stdin.write("go\n") };
}

describe("two server processes running the job worker on one database", () => {
  it("deliver every alert exactly once between them", async () => {
    const { alert } = await createAlert({ kind: "webhook", events: ["payment.unmatched"], config: { url: `${rx.url}/hook` } });
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
