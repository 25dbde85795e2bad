/**
 * A separate OS process that reports payments through the real settlement (as /api/notify does
 * after parsing) and then runs the job worker, for the standby multi-process test. It prints
 * "ready", waits for "go" on stdin, settles every receipt of the JSON file at once, runs the
 * jobs due `jobsAfterSeconds` from now, and prints the results on one line.
 * Usage: node --conditions=react-server --import tsx tests/support/receipt-worker.ts <receipts.json> <jobsAfterSeconds> <worker-id>
 */
import { readFileSync } from "node:fs";
import { settlePayment } from "@/lib/payments/settle";
import { runDueJobs } from "@/lib/jobs/runner";
import { handlers } from "@/lib/worker/start";
import { db, disconnectDb } from "@/lib/db/client";

const [file, after, workerId] = process.argv.slice(2);
const receipts = JSON.parse(readFileSync(file, "utf8")) as { amountCents: number; dedupeKey: string; deviceId: string }[];
await db().$connect();
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
const results = await Promise.all(
  receipts.map((r) =>
    settlePayment({ channel: "wechat", ...r }).then(
      (s) => s.result,
      (e: Error) => `error: ${e.message.slice(-300)}`,
    ),
  ),
);
let jobs = 0;
for (let n; (n = await runDueJobs(handlers, { workerId, now: new Date(Date.now() + Number(after) * 1000) })) > 0;) jobs += n;
process.stdout.write(`${JSON.stringify({ results, jobs })}\n`);
await disconnectDb();
process.stdin.destroy();
