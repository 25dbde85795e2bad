/**
 * npm run bench — throughput of the hot paths on a production build, each as a
 * rate, p50/p99 latency and the ratio to a static JavaScript asset served by the
 * same server: health, the article page (anonymous and entitled), order read,
 * order create, full pay cycles and sustained sales per minute on one ¥5 price
 * and one channel with the default matching rules. Starts its own servers on
 * throwaway databases. Run `npm run bench -- --help` for the options.
 */
import os from "node:os";
import path from "node:path";
import { buildIfStale } from "../../server/build";
import { startSite, type RunningSite } from "../../tests/e2e/support/server";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../lib/postgres";
import { addWechatAccounts } from "./accounts";
import { uploadUniversalCodes } from "../lib/upload-codes";
import { hammer, loop, printTable, type Figure } from "./stats";
import { BENCH_SECRET, createOrder, heartbeat, heartbeatRequest, notifyPayment, orderStatus, staticAssetPath } from "./site";
import { formatPageJs, pageJs } from "./page-js";
import { sustain } from "./sustain";

const HELP = `Usage: npm run bench [-- options]

  --duration SECONDS         length of each fixed-rate measurement (default 10)
  --connections N            parallel connections for the request measurements (default 50)
  --sustain-seconds SECONDS  length of the sustained-sales run (default 300; 0 skips it)
  --sustain-rate N           paid orders per minute the sustained run offers (default 110)
  --accounts N               WeChat receiving accounts in the sustained run (default 1): N-1 more are added
                             through the admin API, each with its own code and phone
  --db sqlite|postgres       postgres: a throwaway PostgreSQL cluster, two server instances behind the
                             load (requests alternate between them); pay cycles are reported next to
                             a single-instance run on the same database (default sqlite)
  --port PORT                first port to use (default 3990; postgres: instances on PORT and PORT+1, the cluster on PORT+2)
  --root DIR                 serve another checkout of this project (e.g. an older commit, to measure "before")
  --help                     this text

Every figure is printed as rate, p50/p99 latency and its ratio to the static asset's rate.`;

const argv = process.argv.slice(2);
if (argv.includes("--help")) {
  console.log(HELP);
  process.exit(0);
}
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const num = (name: string, def: number) => {
  const v = arg(name);
  const n = v === undefined ? def : Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} needs a number (got ${v})`);
  return n;
};
const duration = num("duration", 10);
const connections = num("connections", 50);
const sustainSeconds = num("sustain-seconds", 300);
const sustainRate = num("sustain-rate", 110);
const accounts = Math.max(1, Math.floor(num("accounts", 1)));
const port = num("port", 3990);
const dbKind = arg("db") ?? "sqlite";
if (dbKind !== "sqlite" && dbKind !== "postgres") throw new Error("--db takes sqlite or postgres");
const root = arg("root") ? path.resolve(arg("root")!) : undefined;

const adminToken = "bench-admin-token-0123456789abcdef";
const PAID_SLUG = "indie-income-report"; // ¥5.00
const TEASER_SLUG = "tea-and-time";
const baseEnv = {
  NOTIFY_SECRET: BENCH_SECRET,
  ADMIN_TOKEN: adminToken,
  SESSION_SECRET: "bench-session-secret-0123456789",
  ORDER_RATE_PER_IP: "100000000",
  ORDER_RATE_PER_READER: "100000000",
  ORDER_MAX_HELD_PER_IP: "0",
  ORDER_STREAMS_PER_IP: "100000",
};

if (!root) buildIfStale();
let pg: ThrowawayPostgres | null = null;
const sites: RunningSite[] = [];
const start = async (p: number, env: Record<string, string>) => {
  const site = await startSite(p, { ...baseEnv, ...(pg ? { DATABASE_URL: pg.url } : {}), ...env }, { root });
  sites.push(site);
  return site;
};
const stopAll = async () => {
  await Promise.all(sites.splice(0).map((s) => s.stop()));
};

try {
  const [l1, l5] = os.loadavg();
  console.log(
    `${dbKind}, ${connections} connections, ${duration}s per figure, ${os.cpus().length} cores, load ${l1.toFixed(2)}/${l5.toFixed(2)}`,
  );
  if (dbKind === "postgres") pg = startThrowawayPostgres(port + 2);
  const figures = await microBenchmarks();
  if (sustainSeconds > 0) figures.push(await sustainedSales());
  printTable(figures, figures[0].rps);
} finally {
  await stopAll();
  pg?.stop();
}

/** Every request-level figure on one server (two on PostgreSQL, requests alternating). */
async function microBenchmarks(): Promise<Figure[]> {
  // Cancelled orders free their amount at once, so creating orders measures creation, not slot exhaustion;
  // cycles free paid amounts at once too (ECHO_WINDOW_SECONDS=0): the sustained run uses the defaults.
  const env = { LATE_GRACE_SECONDS: "0", ECHO_WINDOW_SECONDS: "0" };
  const a = await start(port, env);
  const b = dbKind === "postgres" ? await start(port + 1, { ...env, RUN_WORKER: "0" }) : null;
  const urls = b ? [a.url, b.url] : [a.url];
  let turn = 0;
  const next = () => urls[turn++ % urls.length];
  await heartbeat(a.url);
  await uploadUniversalCodes(a.url, adminToken);
  const keepAlive = setInterval(() => void heartbeat(a.url).catch(() => {}), 20_000);
  try {
    // The entitled reader: one paid order, its cookie kept.
    const bought = await createOrder(a.url, TEASER_SLUG);
    if (!bought.id) throw new Error(`could not create the entitled reader's order (${bought.status})`);
    await notifyPayment(a.url, "wechat", bought.amountCents!, `msg_bench_entitled_${Date.now()}`);
    const polled = await createOrder(a.url, PAID_SLUG, "alipay");
    const asset = await staticAssetPath(a.url, `/posts/${TEASER_SLUG}`);
    // Per file; `npm run bench:js` adds what 阅读全文 loads on demand.
    console.log(`  ${formatPageJs("reader JavaScript of the article page", await pageJs(a.url, `/posts/${PAID_SLUG}`))}`);
    const c = { connections, duration };
    const figures: Figure[] = [];
    const req = async (title: string, p: string, extra: Record<string, unknown> = {}) => {
      // autocannon drives one origin; on PostgreSQL half the connections go to each instance.
      const parts = await Promise.all(
        urls.map((u) =>
          hammer(title, { url: `${u}${p}`, ...c, connections: Math.max(1, Math.round(connections / urls.length)), ...extra }),
        ),
      );
      const f = parts.reduce((x, y) => ({
        ...x,
        rps: x.rps + y.rps,
        p50: Math.max(x.p50, y.p50),
        p99: Math.max(x.p99, y.p99),
        bad: x.bad + y.bad,
      }));
      figures.push(f);
      console.log(`  ${title}: ${f.rps.toFixed(0)} req/s`);
    };
    await req("static asset (JS chunk)", asset);
    await req("GET /api/health", "/api/health");
    await req("GET /posts/{slug} anonymous", `/posts/${TEASER_SLUG}`);
    await req("GET /posts/{slug} entitled reader", `/posts/${TEASER_SLUG}`, { headers: { cookie: bought.cookie! } });
    await req("GET /api/orders/{id} (order read)", `/api/orders/${polled.id}`);
    const hb = heartbeatRequest();
    await req("POST /api/notify (signed heartbeat)", "/api/notify", { method: "POST", ...hb });
    figures.push(
      await loop("POST /api/orders (create; then cancel)", duration, Math.min(connections, 20), async () => {
        const u = next();
        const o = await createOrder(u, TEASER_SLUG);
        if (!o.id) return false;
        void fetch(`${u}/api/orders/${o.id}`, {
          method: "DELETE",
          headers: { origin: u, cookie: o.cookie!, "content-type": "application/json" },
        });
        return true;
      }),
    );
    console.log(`  order create: ${figures.at(-1)!.rps.toFixed(0)} req/s`);
    const cycles = async (title: string, pick: () => string) =>
      loop(
        title,
        duration,
        20,
        async () => {
          const u = pick();
          const o = await createOrder(u, PAID_SLUG);
          if (!o.id) return false;
          const n = await notifyPayment(pick(), "wechat", o.amountCents!, `msg_cycle_${o.id}`);
          return n === `matched:${o.id}` && (await orderStatus(pick(), o.id)) === "paid";
        },
        "cycles/s",
      );
    if (b) figures.push({ ...(await cycles("pay cycles, one instance", () => a.url)), note: "same PostgreSQL" });
    figures.push(await cycles(b ? "pay cycles, two instances" : "order → notify → paid cycles", next));
    console.log(`  cycles: ${figures.at(-1)!.rps.toFixed(1)} cycles/s`);
    return figures;
  } finally {
    clearInterval(keepAlive);
    await stopAll();
  }
}

/** Sustained sales with the default matching rules, on a fresh database. */
async function sustainedSales(): Promise<Figure> {
  if (pg) {
    pg.stop();
    pg = startThrowawayPostgres(port + 2);
  }
  const site = await start(port, {});
  await heartbeat(site.url);
  await uploadUniversalCodes(site.url, adminToken);
  const phones = await addWechatAccounts(site.url, adminToken, accounts - 1);
  const beat = () => Promise.all([heartbeat(site.url), ...[...phones.values()].map((p) => heartbeat(site.url, p))]);
  await beat();
  const keepAlive = setInterval(() => void beat().catch(() => {}), 20_000);
  try {
    const figure = await sustain(site.url, { slug: PAID_SLUG, seconds: sustainSeconds, perMinute: sustainRate, phones });
    return accounts > 1 ? { ...figure, title: `${figure.title}, ${accounts} accounts` } : figure;
  } finally {
    clearInterval(keepAlive);
  }
}
