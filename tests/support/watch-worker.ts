/**
 * A separate OS process running the account health watch once, for the two-process test.
 * Prints "ready", waits for "go" on stdin, runs watchAccounts() and prints "{}".
 * Usage: node --conditions=react-server --import tsx tests/support/watch-worker.ts
 */
import { watchAccounts } from "@/lib/accounts/health-watch";
import { db, disconnectDb } from "@/lib/db/client";

await db().$connect();
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
await watchAccounts();
process.stdout.write("{}\n");
await disconnectDb();
process.stdin.destroy();
