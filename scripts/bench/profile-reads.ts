/**
 * Profiles the server under load on one kind of read: starts a site with
 * `node --cpu-prof`, drives one request kind with autocannon for --seconds,
 * stops it; the profile lands in --dir. Summarise it with
 * `npm run profile:summary -- <file>` (docs/performance.md, "Where the time goes").
 */
import { createOrder, notifyPayment } from "./site";
import { startProfiledSite } from "./profile-site";
import { hammer } from "./stats";

const HELP = `Usage: npx tsx scripts/lib/profile-reads.ts --target KIND [--port 4605] [--seconds 15] [--dir /tmp/paywall-prof]

  KIND: health            GET /api/health
        order             GET /api/orders/{id} (a pending order)
        page              GET /posts/{slug}, no cookie (served from the page cache after the first)
        page-entitled     the same with an entitled reader's cookie
        page-render       GET /posts/{slug}?render, no cookie: a query string skips the page cache, so
                          every request is rendered by Next.js (what every page view cost before the cache)`;

const argv = process.argv.slice(2);
const arg = (n: string, d: string) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1] : d);
if (argv.includes("--help") || !argv.includes("--target")) {
  console.log(HELP);
  process.exit(argv.includes("--help") ? 0 : 1);
}
const target = arg("target", "");
const dir = arg("dir", "/tmp/paywall-prof");
const SLUG = "tea-and-time";
const site = await startProfiledSite(Number(arg("port", "4605")), dir);
try {
  const order = await createOrder(site.url, SLUG);
  if (!order.id) throw new Error(`could not create an order (${order.status})`);
  const paths: Record<string, { path: string; headers?: Record<string, string> }> = {
    health: { path: "/api/health" },
    order: { path: `/api/orders/${order.id}` },
    page: { path: `/posts/${SLUG}` },
    "page-render": { path: `/posts/${SLUG}?render` },
    "page-entitled": { path: `/posts/${SLUG}`, headers: { cookie: order.cookie! } },
  };
  const t = paths[target];
  if (!t) throw new Error(`unknown --target ${target}`);
  if (target === "page-entitled") await notifyPayment(site.url, "wechat", order.amountCents!, `msg_prof_${order.id}`);
  const f = await hammer(target, {
    url: `${site.url}${t.path}`,
    headers: t.headers,
    connections: 20,
    duration: Number(arg("seconds", "15")),
  });
  console.log(`${target}: ${f.rps.toFixed(0)} req/s, p50 ${f.p50} ms, ${f.bad} failed; profile in ${dir}`);
} finally {
  await site.stop();
}
