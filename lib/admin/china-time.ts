/**
 * Days as the owner lives them: Asia/Shanghai, UTC+8 all year (China has no
 * daylight saving), so the arithmetic needs no time-zone database.
 */
const OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** "2026-11-27" for the China-time day containing t. */
export function chinaDay(t: Date): string {
  return new Date(t.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant China-time midnight began, `daysAgo` days before the day containing now. */
export function chinaDayStart(now: Date, daysAgo = 0): Date {
  const local = now.getTime() + OFFSET_MS;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS - OFFSET_MS - daysAgo * DAY_MS);
}

/** The last n China-time days, oldest first, as day keys. */
export function lastChinaDays(now: Date, n: number): string[] {
  return Array.from({ length: n }, (_, i) => chinaDay(chinaDayStart(now, n - 1 - i)));
}

/** A <input type="datetime-local"> value in China time ("2026-11-27T20:30") for an instant. */
export function chinaLocalInput(t: Date): string {
  return new Date(t.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** The instant a China-time datetime-local value means, as ISO 8601 with its offset (the API's publishAt). */
export function fromChinaLocalInput(value: string): string {
  return `${value.length === 16 ? `${value}:00` : value}+08:00`;
}
