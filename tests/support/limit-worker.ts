/**
 * A separate OS process that spends points of one rate limit through the real
 * lib/http/rate-limit.ts, for the cross-process test. Prints "ready", waits for
 * "go" on stdin, tries `count` times at once and prints how many were allowed.
 * Usage: node --conditions=react-server --import tsx tests/support/limit-worker.ts <name> <key> <points> <count>
 */
import { withinWindow } from "@/lib/http/rate-limit";

const [name, key, points, count] = process.argv.slice(2);
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
const results = await Promise.all(Array.from({ length: Number(count) }, () => withinWindow(name, key, Number(points), 60)));
process.stdout.write(JSON.stringify({ allowed: results.filter(Boolean).length }) + "\n");
process.stdin.destroy();
