/**
 * A separate OS process that goes live through the real lib/devices/go-live.ts,
 * for the test that two processes going live at once revoke demo unlocks once.
 * Prints "ready", waits for "go" on stdin, calls markNotifierConfigured `count`
 * times at once and prints "done".
 * Usage: node --conditions=react-server --import tsx tests/support/go-live-worker.ts <count>
 */
import { markNotifierConfigured } from "@/lib/devices/go-live";
import { db, disconnectDb } from "@/lib/db/client";

const count = Number(process.argv[2] ?? "1");
await db().$connect();
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
await Promise.all(Array.from({ length: count }, () => markNotifierConfigured()));
process.stdout.write("done\n");
await disconnectDb();
process.stdin.destroy();
