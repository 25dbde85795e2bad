// What one SmsForwarder request says, read from its fields. Pure: the same reading builds the
// request's replay fingerprint, so a captured timestamp+sign resent with other content is told
// apart from the app's own retry (identical content), whatever the encoding.
//
// Shapes (checked against the app's source, v3.0.0 → v3.5.x; docs/connect-phone.md §1):
//   JSON template (ours):  from, title, org_content, receive_time, timestamp, sign, device_mark
//   default (empty) form:  from, content (the rendered default template, see smsforwarder-template.ts), timestamp, sign
//   a scheduled task ("自动任务", v3.3.0+) sent through the same Webhook: from = title = the task's name
import { readRendered } from "@/lib/notify/protocols/smsforwarder-template";
import type { Fields } from "@/lib/notify/protocols/smsforwarder-fields";

export type Message =
  | { kind: "heartbeat" }
  | { kind: "notification"; pkg: string | null; title: string; text: string; shown: string | null }
  /** A rendered `content` whose layout we cannot split safely (the owner changed the app's template). */
  | { kind: "unknown_template"; pkg: string | null; content: string }
  | { kind: "malformed"; message: string };

/** A task named like this, or a message saying only this, keeps the phone online. */
const HEARTBEAT = /^(heartbeat|心跳)$/i;

export function readMessage(f: Fields): Message {
  const pkg = f.from?.trim() || f.package?.trim() || null;
  // A scheduled task's `from` is its name; no Android package is named 心跳 or heartbeat.
  if (f.type === "heartbeat" || (pkg && HEARTBEAT.test(pkg))) return { kind: "heartbeat" };
  const structured = f.org_content ?? f.text;
  const content = structured ?? f.content;
  if (content === undefined) return { kind: "malformed", message: "缺少通知内容：请使用文档中的 JSON 模板（含 [org_content]）。" };
  if (HEARTBEAT.test(content.trim())) return { kind: "heartbeat" };
  if (structured !== undefined) {
    // Without a title the parser cannot tell a contact's chat from the payment account.
    if (f.title === undefined) return { kind: "malformed", message: "模板缺少 title 字段：请使用文档中的 JSON 模板。" };
    return { kind: "notification", pkg, title: cleanTitle(f.title), text: structured, shown: f.receive_time?.trim() || null };
  }
  if (f.title !== undefined)
    return { kind: "notification", pkg, title: cleanTitle(f.title), text: content, shown: f.receive_time?.trim() || null };
  const rendered = readRendered(content, pkg);
  if (!rendered) return { kind: "unknown_template", pkg, content };
  return {
    kind: "notification",
    pkg,
    title: cleanTitle(rendered.title),
    text: rendered.text,
    shown: f.receive_time?.trim() || rendered.time,
  };
}

// v3.3.0 may append "#####<launcher scheme>" to the title it keeps as simInfo (reverted in v3.3.1).
const cleanTitle = (title: string) => title.split("#####")[0];

/** The app's timestamp (ms) in its one canonical spelling, or null: digits, no leading zero. */
export function canonicalTimestamp(ts: string | undefined): string | null {
  return ts && /^[1-9]\d{0,15}$/.test(ts) ? ts : null;
}
