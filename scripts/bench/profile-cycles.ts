/**
 * Profiles the server through full pay cycles (order create → notification →
 * status read): starts a site with `node --cpu-prof`, runs cycles for
 * --seconds, stops it; the profile lands in --dir. Summarise it with
 * `npm run profile:summary -- <file>`. Usage (docs/performance.md):
 *   npx tsx scripts/lib/profile-cycles.ts --port 4605 --seconds 20 --dir /tmp/prof
 */
import { createOrder, notifyPayment, orderStatus } from "./site";
import { startProfiledSite } from "./profile-site";
import { loop } from "./stats";

const argv = process.argv.slice(2);
const arg = (n: string, d: string) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1] : d);
if (argv.includes("--help")) {
  console.log("Usage: npx tsx scripts/lib/profile-cycles.ts [--port 4605] [--seconds 20] [--dir /tmp/paywall-prof]");
  process.exit(0);
}
const dir = arg("dir", "/tmp/paywall-prof");
// No echo window: back-to-back cycles reuse the same amounts at once.
const site = await startProfiledSite(Number(arg("port", "4605")), dir, { ECHO_WINDOW_SECONDS: "0" });
try {
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
