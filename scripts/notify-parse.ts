/**
 * npm run --silent notify:parse < lines.jsonl
 * Reads JSON lines {"package"?,"title","content"} on stdin and writes one JSON line per input:
 * {"channel","amountCents"} or {"ignored":"<reason>"}, or {"error":"…"} for a line that is not
 * a JSON object. Corpus lines ({"input":{…},"expect":…}) are read through their "input".
 */
import { createInterface } from "node:readline";
import { parseNotification, type NotificationText } from "../lib/notify/parse";

const HELP = `Usage: npm run --silent notify:parse < notifications.jsonl

Parses forwarded Android notifications the way the server does, one JSON object per line:
  {"package":"com.tencent.mm","title":"微信支付","content":"微信支付收款0.80元(朋友到店)"}
and prints one JSON line per input line:
  {"channel":"wechat","amountCents":80}   a new receipt
  {"ignored":"chat_message"}              not a receipt (reason: see lib/notify/parse.ts)
  {"ignored":"unreadable_receipt"}        a payment app's receipt whose amount could not be read:
                                          the app may have changed its text (the owner is alerted)
  {"error":"…"}                           the line is not a JSON object
Blank lines are skipped. "package" is optional (then the channel comes from keywords).
Example:
  echo '{"title":"收款通知","content":"张三通过扫码向你付款0.01元"}' | npm run --silent notify:parse`;

if (process.argv.includes("--help") || process.argv.includes("-h")) {
  console.log(HELP);
  process.exit(0);
}

const str = (v: unknown) => (typeof v === "string" ? v : v == null ? null : String(v));

function parseLine(line: string): object {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (e) {
    return { error: `invalid JSON: ${(e as Error).message}` };
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return { error: "expected a JSON object" };
  const o = data as Record<string, unknown>;
  const src = o.input && typeof o.input === "object" ? (o.input as Record<string, unknown>) : o;
  const input: NotificationText = { package: str(src.package), title: str(src.title), content: str(src.content ?? src.text) };
  return parseNotification(input);
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (line.trim() === "") continue;
  process.stdout.write(JSON.stringify(parseLine(line)) + "\n");
}
