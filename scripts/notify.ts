/**
 * Notifier simulator: sends one correctly signed native notification (or heartbeat) to a
 * running site, exactly as a phone would, and prints the answer.
 *   npm run notify -- --channel wechat --amount 0.99 [--url http://localhost:3000] [--heartbeat] [--device id] [--secret whsec_…]
 */
import { parseArgs } from "node:util";
import { yuanToCents } from "../lib/money";
import { buildNativeRequest } from "../lib/notify/simulate";

const HELP = `Usage: npm run notify -- --channel wechat|alipay --amount <yuan> [options]
       npm run notify -- --heartbeat [options]

Sends a native-protocol notification signed like a phone's (Standard Webhooks, webhook-id /
webhook-timestamp / webhook-signature) to <url>/api/notify and prints the HTTP status and body.

Options:
  --channel <wechat|alipay>  which app's receipt text to send (default wechat)
  --amount <yuan>            amount in yuan, e.g. 0.99 (required unless --heartbeat)
  --heartbeat                send a heartbeat instead (marks the phone online)
  --device <id>              deviceid in the payload (default "simulator")
  --url <base>               site address (default http://localhost:3000, or $NOTIFY_URL)
  --secret <whsec_…>         signing secret (default $NOTIFY_SECRET)
  --help                     this text

Exit status: 0 on a 2xx answer, 1 otherwise, 2 on bad usage.
Example: NOTIFY_SECRET=whsec_… npm run notify -- --channel alipay --amount 1.00`;

function fail(msg: string): never {
  console.error(`${msg}\n\n${HELP}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      channel: { type: "string", default: "wechat" },
      amount: { type: "string" },
      heartbeat: { type: "boolean", default: false },
      device: { type: "string" },
      url: { type: "string", default: process.env.NOTIFY_URL || "http://localhost:3000" },
      secret: { type: "string", default: process.env.NOTIFY_SECRET },
      help: { type: "boolean", default: false },
    },
  }));
} catch (e) {
  fail((e as Error).message);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (values.channel !== "wechat" && values.channel !== "alipay") fail(`--channel must be wechat or alipay (got ${values.channel})`);
if (!values.secret) fail("No secret: set NOTIFY_SECRET or pass --secret whsec_…");
let amountCents: number | undefined;
if (!values.heartbeat) {
  if (!values.amount) fail("--amount is required (or use --heartbeat)");
  amountCents = yuanToCents(values.amount) ?? fail(`--amount must be yuan like 0.99 (got ${values.amount})`);
}

const req = buildNativeRequest({
  secret: values.secret,
  deviceId: values.device,
  heartbeat: values.heartbeat,
  channel: values.channel,
  amountCents,
});
const target = new URL("/api/notify", values.url).toString();
try {
  const res = await fetch(target, { method: "POST", headers: req.headers, body: req.body });
  console.log(`${res.status} ${await res.text()}`);
  process.exit(res.ok ? 0 : 1);
} catch (e) {
  console.error(`Could not reach ${target}: ${(e as Error).message}`);
  process.exit(1);
}
