/**
 * China time, the one home for it: the calendar and the wall clock of the owner, the readers, the
 * phones and the bills are Asia/Shanghai, UTC+8 all year (China has no daylight saving), so the
 * arithmetic needs no time-zone database and does not depend on the server's zone. Pure and
 * client-safe (no imports): pages, components, scripts and the server all use it.
 */
export const CHINA_TIME_ZONE = "Asia/Shanghai";
const OFFSET_MS = 8 * 3600 * 1000;
/** How an ISO 8601 time written in China time ends. */
const OFFSET = "+08:00";
const DAY_MS = 24 * 3600 * 1000;

/** The instant as a China wall clock in ISO form, "2026-11-27T20:15:03.000" (no zone). */
const wall = (t: Date) => new Date(t.getTime() + OFFSET_MS).toISOString().slice(0, 23);

/** "2026-11-27" for the China-time day containing t. */
export function chinaDay(t: Date): string {
  return wall(t).slice(0, 10);
}

/** The instant China-time midnight began, `daysAgo` days before the day containing now. */
export function chinaDayStart(now: Date, daysAgo = 0): Date {
  const local = now.getTime() + OFFSET_MS;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS - OFFSET_MS - daysAgo * DAY_MS);
}

/** The instant the next China-time midnight begins: when "today" limits start again. */
export const chinaNextMidnight = (now: Date): Date => new Date(chinaDayStart(now).getTime() + DAY_MS);

/** The last n China-time days, oldest first, as day keys. */
export function lastChinaDays(now: Date, n: number): string[] {
  return Array.from({ length: n }, (_, i) => chinaDay(chinaDayStart(now, n - 1 - i)));
}

/** The instant of a China wall clock written as date and time ("2026-11-27", "20:15:03"); Invalid Date when it is none. */
export function chinaInstant(date: string, time = "00:00:00"): Date {
  return new Date(`${date}T${time}${OFFSET}`);
}

/** The instant a China-time day ("2026-11-27") begins; with `end`, its last second (23:59:59). */
export function chinaDayInstant(day: string, end = false): Date {
  return chinaInstant(day, end ? "23:59:59" : "00:00:00");
}

/** "2026-11-27 20:15:03": how the owner, the phones and the payment apps write a time. */
export function chinaWallClock(t: Date): string {
  return wall(t).slice(0, 19).replace("T", " ");
}

/** "20261127201503": the 14 time digits a 易支付 trade_no starts with. */
export function chinaClockDigits(t: Date): string {
  return wall(t).replace(/\D/g, "").slice(0, 14);
}

/** The instant of a China wall clock given as numbers (month 1–12), or null when a field is out of range. */
export function fromChinaWallClock(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS);
}

/** "2026-11-27T20:15:03.000+08:00": the instant in ISO 8601 as a China wall clock, milliseconds kept (exports that are read back). */
export function chinaIso(t: Date): string {
  return `${wall(t)}${OFFSET}`;
}

/** A <input type="datetime-local"> value in China time ("2026-11-27T20:30") for an instant. */
export function chinaLocalInput(t: Date): string {
  return wall(t).slice(0, 16);
}

/** The instant a China-time datetime-local value means, as ISO 8601 with its offset (the API's publishAt). */
export function fromChinaLocalInput(value: string): string {
  return `${value.length === 16 ? `${value}:00` : value}${OFFSET}`;
}

/** A date for people, in China's calendar: "2026年11月27日" (long) or "2026/11/27" (numeric). */
export function chinaDateText(t: Date, style: "long" | "numeric" = "long"): string {
  const long: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric" };
  return t.toLocaleDateString("zh-CN", { timeZone: CHINA_TIME_ZONE, ...(style === "long" ? long : {}) });
}

/** A date and 24-hour time for people, in China time: "2026/11/27 20:15:03". */
export function chinaDateTimeText(t: Date): string {
  return t.toLocaleString("zh-CN", { timeZone: CHINA_TIME_ZONE, hour12: false });
}

/** "11/27 14:03:05": month, day and 24-hour time in China time, for the owner's tables. */
export function chinaShortDateTimeText(t: Date): string {
  return t.toLocaleString("zh-CN", {
    timeZone: CHINA_TIME_ZONE,
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  });
}
