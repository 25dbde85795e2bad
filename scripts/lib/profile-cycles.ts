/**
 * Profiles the server through full pay cycles (order create → notification →
 * status read): starts a site with `node --cpu-prof`, runs cycles for
 * --seconds, stops it; the profile lands in --dir. Summarise it with
 * `npm run profile:summary -- <file>`. Usage (docs/performance.md):
 *   npx tsx scripts/lib/profile-cycles.ts --port 4605 --seconds 20 --dir /tmp/prof
 */
import { mkdirSync } from "node:fs";
import { startSite } from "../../tests/e2e/support/server";
import { uploadUniversalCodes } from "./upload-codes";
import { BENCH_SECRET, createOrder, heartbeat, notifyPayment, orderStatus } from "./bench-site";
import { loop } from "./bench-stats";

const argv = process.argv.slice(2);
const arg = (n: string, d: string) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1] : d);
if (argv.includes("--help")) {
  console.log("Usage: npx tsx scripts/lib/profile-cycles.ts [--port 4605] [--seconds 20] [--dir /tmp/paywall-prof]");
  process.exit(0);
}
const dir = arg("dir", "/tmp/paywall-prof");
mkdirSync(dir, { recursive: true });
const token = "profile-admin-token-0123456789abcdef";
const site = await startSite(
  Number(arg("port", "4605")),
  {
    NOTIFY_SECRET: BENCH_SECRET,
    ADMIN_TOKEN: token,
    ORDER_RATE_PER_IP: "100000000",
    ORDER_RATE_PER_READER: "100000000",
    ORDER_MAX_HELD_PER_IP: "0",
    ECHO_WINDOW_SECONDS: "0",
  },
  { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`] },
);
try {
  await heartbeat(site.url);
  await uploadUniversalCodes(site.url, token);
  const f = await loop("cycles", Number(arg("seconds", "20")), 10, async () => {
    const o = await createOrder(site.url, "indie-income-report");
    if (!o.id) return false;
    const n = await notifyPayment(site.url, "wechat", o.amountCents!, `msg_prof_${o.id}`);
    return n === `matched:${o.id}` && (await orderStatus(site.url, o.id)) === "paid";
  });
  console.log(`${f.rps.toFixed(1)} cycles/s, p50 ${f.p50} ms; profiles in ${dir}`);
} finally {
  await site.stop();
}
