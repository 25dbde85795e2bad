// Reads SmsForwarder's default rendered `[content]` for an app notification. Pure.
// The app's default template (MsgInfo.getContentForSend) renders, one per line:
//   <package>            {{来源号码}} = the package name for app notifications
//   <text …>             {{短信内容}} = the notification text (may itself span lines)
//   <title>              {{卡槽信息}} = the notification title for app notifications
//   <yyyy-MM-dd HH:mm:ss>{{接收时间}}
//   [<device mark>]      {{设备名称}}, trimmed away when empty
// Only that exact shape is read: guessing which line is the title of a customised template
// would let a multi-line chat message ("微信支付\n微信支付收款100元") pose as a receipt.

export interface Rendered {
  title: string;
  text: string;
  time: string;
}

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

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
  return { text: lines.slice(1, at - 1).join("\n"), title: lines[at - 1], time: lines[at] };
}
