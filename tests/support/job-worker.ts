/**
 * A separate OS process running the real job worker, for the two-process job
 * test. It prints "ready", waits for "go" on stdin, runs due jobs until none
 * are left and prints how many it ran.
 * Usage: node --conditions=react-server --import tsx tests/support/job-worker.ts <worker-id>
 */
import { runDueJobs } from "@/lib/jobs/runner";
import { handlers } from "@/lib/worker/start";
import { db, disconnectDb } from "@/lib/db/client";

const [workerId] = process.argv.slice(2);
await db().$connect();
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
let ran = 0;
for (let n; (n = await runDueJobs(handlers, { workerId, limit: 5 })) > 0;) ran += n;
process.stdout.write(`${JSON.stringify({ ran })}\n`);
await disconnectDb();
process.stdin.destroy();
