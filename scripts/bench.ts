/**
 * npm run bench — throughput of the hot paths on a production build:
 * order polling, the article page, signed notifier heartbeats, and full
 * create-order → notification → paid cycles. Starts its own server on a
 * throwaway SQLite database unless --url is given.
 * Usage: npm run bench [-- --duration 10 --connections 50 --port 3990]
 */
import autocannon from "autocannon";
import { buildIfStale } from "./lib/build";
import { startSite } from "../tests/e2e/support/server";
import { signNative } from "../lib/notify/native-signature";
import { receiptText } from "../lib/notify/receipt-text";
import { uploadUniversalCodes } from "./lib/upload-codes";

const argv = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : def;
};
if (argv.includes("--help")) {
  console.log("Usage: npm run bench [-- --duration SECONDS --connections N --port PORT]");
  process.exit(0);
}
const duration = opt("duration", 10);
const connections = opt("connections", 50);
const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const adminToken = "bench-admin-token-0123456789abcdef";

buildIfStale();
const site = await startSite(opt("port", 3990), {
  NOTIFY_SECRET: secret,
  ORDER_RATE_PER_IP: "100000000",
  ORDER_RATE_PER_READER: "100000000",
  ORDER_MAX_HELD_PER_IP: "0",
  // Paid amounts would otherwise stay held for 5 minutes and cap the cycles at the code capacity.
  ECHO_WINDOW_SECONDS: "0",
  ADMIN_TOKEN: adminToken,
});
const heartbeat = () => {
  const body = JSON.stringify({ deviceid: "bench", type: "heartbeat" });
  return { body, headers: { ...signNative(secret, body, `msg_hb_${Date.now()}`), "content-type": "application/json" } };
};
await fetch(`${site.url}/api/notify`, { method: "POST", ...heartbeat() });
await uploadUniversalCodes(site.url, adminToken);

async function run(title: string, opts: Partial<autocannon.Options>) {
  const r = await autocannon({ url: site.url, duration, connections, ...opts });
  const bad = r.non2xx + r.errors + r.timeouts;
  console.log(
    `${title.padEnd(34)} ${String(Math.round(r.requests.average)).padStart(6)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   non-2xx/errors ${bad}`,
  );
}

try {
  const order = await (
    await fetch(`${site.url}/api/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: site.url },
      body: JSON.stringify({ slug: "tea-and-time", channel: "wechat" }),
    })
  ).json();
  console.log(`duration ${duration}s, ${connections} connections, SQLite, 2-core machine with the load generator on it\n`);
  await run("GET /api/orders/{id} (poll)", { url: `${site.url}/api/orders/${order.id}` });
  await run("GET /posts/{slug} (teaser page)", { url: `${site.url}/posts/tea-and-time` });
  const hb = heartbeat();
  await run("POST /api/notify (signed heartbeat)", { url: `${site.url}/api/notify`, method: "POST", ...hb });
  await cycles(Math.min(connections, 20));
} finally {
  await site.stop();
}

/** Full paid cycles: a new reader orders, the phone reports the payment, the order reads as paid. */
async function cycles(parallel: number) {
  let done = 0;
  let failed = 0;
  const started = Date.now();
  const worker = async () => {
    while (Date.now() - started < duration * 1000) {
      const res = await fetch(`${site.url}/api/orders`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: site.url },
        body: JSON.stringify({ slug: "indie-income-report", channel: "wechat" }),
      });
      if (res.status !== 201) {
        failed++;
        continue;
      }
      const o = await res.json();
      const body = JSON.stringify({ deviceid: "bench", ...receiptText("wechat", o.amountCents) });
      const n = await (
        await fetch(`${site.url}/api/notify`, {
          method: "POST",
          headers: { ...signNative(secret, body, `msg_${o.id}`), "content-type": "application/json" },
          body,
        })
      ).json();
      const s = await (await fetch(`${site.url}/api/orders/${o.id}`)).json();
      if (n.result === "matched" && s.status === "paid") done++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const secs = (Date.now() - started) / 1000;
  console.log(
    `${"order → notify → paid cycles".padEnd(34)} ${(done / secs).toFixed(0).padStart(6)} cycles/s (${parallel} in parallel; ${done} paid, ${failed} failed)`,
  );
}
