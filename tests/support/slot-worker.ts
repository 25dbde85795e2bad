/**
 * A separate OS process that takes slots through the real createOrder, for
 * the multi-process test. It prints "ready", waits for "go" on stdin (so two
 * workers start together), creates `count` orders for distinct readers at
 * once and prints one JSON line with the outcomes.
 * Usage: node --conditions=react-server --import tsx tests/support/slot-worker.ts <slug> <channel> <count> <tag>
 */
import { createOrder } from "@/lib/orders/create";
import { disconnectDb } from "@/lib/db/client";
import type { Channel } from "@/lib/channels";

const [slug, channel, count, tag] = process.argv.slice(2);
await import("@/lib/db/client").then((m) => m.db().$connect());
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
const results = await Promise.all(
  Array.from({ length: Number(count) }, (_, i) =>
    createOrder({ slug, channel: channel as Channel, readerId: `${tag}-reader-${i}`, ip: `${tag}-ip-${i}` }).then(
      (r) => ({ ok: true as const, id: r.order.id, amountCents: r.order.amountCents }),
      (e: { code?: string; message?: string }) => ({ ok: false as const, code: e.code ?? String(e.message) }),
    ),
  ),
);
process.stdout.write(JSON.stringify(results) + "\n");
await disconnectDb();
process.stdin.destroy();
