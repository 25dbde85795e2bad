/**
 * npm run simulate -- --readers 200 [--url http://localhost:3000] [--secret whsec_…] [--admin-token …]
 *
 * Drives a RUNNING server over HTTP like a crowd of readers and a phone:
 * readers (each with its own cookie jar) create orders at once, then pay on
 * time, late, after cancelling, after the grace window, twice (same
 * webhook-id), with an echo ("[2条]…", new webhook-id), forged or stale — or
 * never. At the end every order is read back and checked. Prints one line:
 *   orders=… settled=… lost=0 wrongly_settled=0 duplicates_ignored=… unmatched=…
 * and exits 1 when anything was lost, wrongly settled or unexpected.
 */
import { signNative } from "../lib/notify/native-signature";
import { receiptText, stackedReceiptText, type ReceiptText } from "../lib/notify/receipt-text";
import { chinaWallClock } from "../lib/china-time";
import type { Channel } from "../lib/channels";
import { behaviourOf, type Behaviour } from "./lib/simulate-plan";
import { uploadUniversalCodes } from "./lib/upload-codes";

const HELP = `Usage: npm run simulate -- [options]
  --readers N        readers to simulate (default 200)
  --url URL          server base URL (default http://localhost:3000)
  --secret whsec_…   the server's NOTIFY_SECRET (default: $NOTIFY_SECRET)
  --admin-token T    the server's ADMIN_TOKEN (default: $ADMIN_TOKEN); with it the script uploads two
                     universal receiving codes (a live server never hands out the demo ones), reads the
                     server's timings from /api/admin/capacity and checks the unmatched inbox
  --grace S --echo S LATE_GRACE_SECONDS / ECHO_WINDOW_SECONDS of the server when no admin token (10 / 5)

Start the server with short windows, no per-IP limits (every reader comes from one IP) and a price band
wide enough for the crowd (the default 10% band holds 11 amounts for a ¥1.00 post; readers beyond it get
"busy", counted as busy=…), e.g.:
  PORT=3201 DATABASE_URL=file:/tmp/sim.db NOTIFY_SECRET=whsec_… ADMIN_TOKEN=… ORDER_TTL_SECONDS=10 \\
  LATE_GRACE_SECONDS=10 ECHO_WINDOW_SECONDS=5 ORDER_RATE_PER_IP=100000 ORDER_MAX_HELD_PER_IP=0 \\
  AMOUNT_MAX_DISCOUNT_PERCENT=50 npm start
The order TTL is read from the first order. A run lasts about TTL + grace + 5 seconds.`;

const argv = process.argv.slice(2);
const arg = (name: string, def?: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : def;
};
if (argv.includes("--help")) {
  console.log(HELP);
  process.exit(0);
}
const base = (arg("url", "http://localhost:3000") as string).replace(/\/$/, "");
const readers = Number(arg("readers", "200"));
const secret = arg("secret", process.env.NOTIFY_SECRET);
const adminToken = arg("admin-token", process.env.ADMIN_TOKEN);
if (!secret || !Number.isInteger(readers) || readers < 1) {
  console.error("Need --secret (or NOTIFY_SECRET) and a positive --readers.\n\n" + HELP);
  process.exit(2);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
let seq = 0;

async function http(method: string, path: string, opts: { body?: string; headers?: Record<string, string> } = {}) {
  // Origin: the reader routes take JSON from the site's own pages only, as a browser would send it.
  const res = await fetch(base + path, {
    method,
    body: opts.body,
    headers: { "content-type": "application/json", origin: base, ...opts.headers },
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the server's JSON, checked field by field below
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, setCookie: res.headers.get("set-cookie") };
}

/** One native notification, signed (or forged / stale). Returns the response and a resend function. */
function notify(payload: Record<string, unknown>, how: { key?: string; ageSeconds?: number } = {}) {
  const body = JSON.stringify({ deviceid: "simulator", time: chinaWallClock(new Date()), ...payload });
  const id = `msg_sim_${process.pid}_${++seq}`;
  const headers = signNative(how.key ?? secret!, body, id, Math.floor(Date.now() / 1000) - (how.ageSeconds ?? 0));
  const send = () => http("POST", "/api/notify", { body, headers });
  return { send };
}

const tally = {
  orders: 0,
  busy: 0,
  settled: 0,
  late: 0,
  lost: 0,
  wrongly_settled: 0,
  duplicates_ignored: 0,
  unmatched: 0,
  forged_rejected: 0,
  unexpected: 0,
};
const problems: string[] = [];
const problem = (msg: string) => {
  tally.unexpected++;
  if (problems.length < 10) problems.push(msg);
};

const health = await http("GET", "/api/health").catch(() => null);
if (!health || health.status !== 200) {
  console.error(`No server answering at ${base}/api/health.\n\n${HELP}`);
  process.exit(2);
}
const hb = await notify({ type: "heartbeat" }).send();
if (hb.status !== 200) {
  console.error(`Heartbeat refused (${hb.status} ${JSON.stringify(hb.json)}): is --secret the server's NOTIFY_SECRET?`);
  process.exit(2);
}
const beat = setInterval(
  () =>
    void notify({ type: "heartbeat" })
      .send()
      .catch(() => {}),
  20_000,
);

let grace = Number(arg("grace", "10"));
let echo = Number(arg("echo", "5"));
if (adminToken) {
  // A live server hands out only the owner's codes, never the seeded demo ones.
  await uploadUniversalCodes(base, adminToken);
  const cap = await http("GET", "/api/admin/capacity", { headers: { authorization: `Bearer ${adminToken}` } });
  if (cap.status === 200) ({ graceSeconds: grace, echoSeconds: echo } = cap.json.timing);
}
const articles = ((await http("GET", "/api/articles")).json as { slug: string; priceCents: number }[]).filter((a) => a.priceCents > 0);
if (!articles.length) {
  console.error("The server has no published paid article.");
  process.exit(2);
}

interface Answer {
  result?: string;
  orderId?: string;
  suspectedDuplicate?: boolean;
  status?: number;
}
interface Reader {
  i: number;
  behaviour: Behaviour;
  cookie?: string;
  order?: { id: string; amountCents: number; channel: Channel; expiresAt: number };
  answers: Answer[];
}
const crowd: Reader[] = Array.from({ length: readers }, (_, i) => ({ i, behaviour: behaviourOf(i), answers: [] }));

// 1. Everybody asks for an order at once.
await Promise.all(
  crowd.map(async (r) => {
    const channel: Channel = (r.i + Math.floor(r.i / 20)) % 2 ? "alipay" : "wechat";
    const res = await http("POST", "/api/orders", {
      body: JSON.stringify({ slug: articles[Math.floor(r.i / 2) % articles.length].slug, channel }),
    });
    if (res.status === 503 && res.json?.error?.code === "busy") return void tally.busy++;
    if (res.status !== 201) return problem(`reader ${r.i}: order → ${res.status} ${JSON.stringify(res.json)}`);
    r.cookie = res.setCookie?.split(";")[0];
    const skew = Date.now() - Date.parse(res.json.serverTime);
    r.order = { id: res.json.id, amountCents: res.json.amountCents, channel, expiresAt: Date.parse(res.json.expiresAt) + skew };
    tally.orders++;
  }),
);
const ttl = crowd.find((r) => r.order)?.order ? (crowd.find((r) => r.order)!.order!.expiresAt - Date.now()) / 1000 : 0;
console.log(`${tally.orders} orders, TTL ≈ ${Math.round(ttl)} s, grace ${grace} s, echo ${echo} s; paying…`);

// 2. Each reader pays (or not) as its behaviour says.
await Promise.all(
  crowd
    .filter((r) => r.order)
    .map(async (r) => {
      const o = r.order!;
      const plain = receiptText(o.channel, o.amountCents);
      const pay = (p: ReceiptText = plain, how = {}) => notify({ ...p }, how);
      const soon = () => sleep(Math.random() * Math.min(ttl * 400, 3000));
      switch (r.behaviour) {
        case "on_time":
          await soon();
          r.answers.push((await pay().send()).json);
          break;
        case "late":
          await sleep(o.expiresAt - Date.now() + 1000);
          r.answers.push((await pay().send()).json);
          break;
        case "cancel_then_pay":
          await soon();
          await http("DELETE", `/api/orders/${o.id}`, { headers: r.cookie ? { cookie: r.cookie } : {} });
          await sleep(500);
          r.answers.push((await pay().send()).json);
          break;
        case "after_grace":
          await sleep(o.expiresAt - Date.now() + grace * 1000 + 2000);
          r.answers.push((await pay().send()).json);
          break;
        case "duplicated": {
          await soon();
          const n = pay();
          r.answers.push((await n.send()).json, (await n.send()).json);
          break;
        }
        case "echo":
          await soon();
          r.answers.push((await pay().send()).json, (await pay(stackedReceiptText(o.channel, o.amountCents)).send()).json);
          break;
        case "forged":
          await soon();
          r.answers.push({
            status: (await pay(plain, { key: "whsec_" + Buffer.from("not the secret").toString("base64") }).send()).status,
          });
          break;
        case "stale":
          await soon();
          r.answers.push({ status: (await pay(plain, { ageSeconds: 900 }).send()).status });
          break;
        case "abandon":
          break;
      }
    }),
);
clearInterval(beat);

// 3. Read every order back and judge.
const afterGraceAmounts: string[] = [];
for (const r of crowd.filter((x) => x.order)) {
  const o = r.order!;
  const status = (await http("GET", `/api/orders/${o.id}`)).json?.status;
  for (const a of r.answers) {
    if ((a?.result === "matched" || a?.result === "late_matched") && a.orderId !== o.id) tally.wrongly_settled++;
    if (a?.result === "matched" || a?.result === "late_matched") {
      tally.settled++;
      if (a.result === "late_matched") tally.late++;
    }
    if (a?.result === "duplicate" || a?.suspectedDuplicate) tally.duplicates_ignored++;
    if (a?.status === 401 || a?.status === 429) tally.forged_rejected++;
  }
  const shouldPay = ["on_time", "late", "cancel_then_pay", "duplicated", "echo"].includes(r.behaviour);
  if (shouldPay && status !== "paid") {
    tally.lost++;
    problem(`reader ${r.i} (${r.behaviour}) paid but order is ${status}`);
  }
  if (!shouldPay && status === "paid") {
    tally.wrongly_settled++;
    problem(`reader ${r.i} (${r.behaviour}) did not pay validly but order is paid`);
  }
  if (r.behaviour === "after_grace") {
    if (r.answers[0]?.result === "unmatched") {
      tally.unmatched++;
      afterGraceAmounts.push(`${o.channel}:${o.amountCents}`);
    } else problem(`reader ${r.i} after grace → ${JSON.stringify(r.answers[0])}`);
  }
  if (r.behaviour === "duplicated" && r.answers[1]?.result !== "duplicate")
    problem(`reader ${r.i} resend → ${JSON.stringify(r.answers[1])}`);
  if (r.behaviour === "echo" && !r.answers[1]?.suspectedDuplicate) problem(`reader ${r.i} echo → ${JSON.stringify(r.answers[1])}`);
}
if (adminToken) {
  const inbox = await http("GET", "/api/admin/payments?status=unmatched&limit=500", { headers: { authorization: `Bearer ${adminToken}` } });
  const listed = new Set(
    ((inbox.json?.items ?? []) as { channel: string; amountCents: number }[]).map((p) => `${p.channel}:${p.amountCents}`),
  );
  const missing = afterGraceAmounts.filter((k) => !listed.has(k));
  tally.lost += missing.length;
  if (missing.length) problem(`after-grace payments missing from the unmatched inbox: ${missing.join(", ")}`);
}

for (const p of problems) console.log(`! ${p}`);
console.log(
  Object.entries(tally)
    .map(([k, v]) => `${k}=${v}`)
    .join(" "),
);
process.exit(tally.lost || tally.wrongly_settled || tally.unexpected ? 1 : 0);
