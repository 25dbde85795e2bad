// Reads SmsForwarder's default rendered `[content]` for an app notification. Pure.
// The app's built-in template (MsgInfo.getContentForSend) renders one tag per line, then trims:
//   <package>                {{FROM}}          the package name
//   <text …>                 {{SMS}}           the notification text (may itself span lines)
//   <title>                  {{CARD_SLOT}}     the notification title
//   SubId：<n> | UID：<n>     only v3.2.0 (SubId：0) and v3.3.1+ (UID：<app uid>); absent in v3.0.x–v3.1.x and v3.3.0
//   <yyyy-MM-dd HH:mm:ss>    {{RECEIVE_TIME}}  when the phone captured the notification
//   [<device mark>]          {{DEVICE_NAME}}   trimmed away when empty
// A scheduled task renders the same way without the SubId/UID line.
// Only that exact shape is read, from the end, where every line is the app's own: guessing which
// line is the title of a customised template would let a multi-line chat message
// ("微信支付\n微信支付收款100元") pose as a receipt.

export interface Rendered {
  title: string;
  text: string;
  time: string;
}

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
// Full-width colon as the app writes it; NFKC-folded forms accepted too.
const ID_LINE = /^(?:SubId|UID)[：:]\s*\d+$/;

export function readRendered(content: string, pkg: string | null): Rendered | null {
  const lines = content
    .replace(/\r\n?/g, "\n")
    .trim()
    .split("\n")
    .map((l) => l.trim());
  if (!pkg || lines[0] !== pkg) return null;
  // The time line is the last or the second-to-last line (then followed by the device mark).
  let at = -1;
  for (const i of [lines.length - 1, lines.length - 2]) {
    if (i >= 3 && TIME.test(lines[i])) {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  const titleAt = ID_LINE.test(lines[at - 1]) ? at - 2 : at - 1;
  if (titleAt < 2) return null;
  return { text: lines.slice(1, titleAt).join("\n"), title: lines[titleAt], time: lines[at] };
}
