/**
 * Daily ceilings of a receiving account (the owner's limits per China day). Pure, client-safe.
 * A personal code's wallet watches how many payments, how much money and how many payments of
 * the same amount it receives a day; past its own thresholds it restricts the account. So the
 * owner sets ceilings below them and the account stops taking orders for the day on reaching one.
 *
 * What counts: orders of the account paid today or still open (a reader holding a code may pay
 * any second: counting them keeps readers from being sent to pay into a full account), plus
 * payments to it today that paid no order (money arrived all the same). A ceiling in cents is
 * checked with the price the reader was quoted (never the cheaper amount the band could give):
 * at the ceiling the reader is told 「今日收款已满」, not offered a lower price.
 */
export const LIMIT_KEYS = ["perDayCount", "perDayCents", "perDaySameAmount"] as const;
export type LimitKey = (typeof LIMIT_KEYS)[number];
export type DailyLimits = Record<LimitKey, number | null>;

export const LIMIT_LABEL: Record<LimitKey, string> = {
  perDayCount: "每日笔数",
  perDayCents: "每日金额",
  perDaySameAmount: "同一金额每日笔数",
};

export const NO_LIMITS: DailyLimits = { perDayCount: null, perDayCents: null, perDaySameAmount: null };

export interface DayUsage {
  count: number;
  cents: number;
  /** Count per amount in cents. */
  byAmount: ReadonlyMap<number, number>;
}

export const EMPTY_USAGE: DayUsage = { count: 0, cents: 0, byAmount: new Map() };

/** The alert thresholds, in percent of a ceiling: a warning, and the ceiling itself. */
export const ALERT_PERCENTS = [80, 100] as const;

export const hasLimits = (l: DailyLimits): boolean => LIMIT_KEYS.some((k) => l[k] !== null);

/** Is the whole account full for a reader quoted `quotedCents` (count or money)? */
export function accountFull(limits: DailyLimits, usage: DayUsage, quotedCents: number): boolean {
  if (limits.perDayCount !== null && usage.count + 1 > limits.perDayCount) return true;
  if (limits.perDayCents !== null && usage.cents + quotedCents > limits.perDayCents) return true;
  return false;
}

/** May one more order of exactly `amountCents` go to the account today (same-amount ceiling)? */
export function amountAllowed(limits: DailyLimits, usage: DayUsage, amountCents: number): boolean {
  return limits.perDaySameAmount === null || (usage.byAmount.get(amountCents) ?? 0) + 1 <= limits.perDaySameAmount;
}

export interface Crossing {
  limit: LimitKey;
  percent: (typeof ALERT_PERCENTS)[number];
  used: number;
  max: number;
}

/** The thresholds one more order of `amountCents` makes the account cross (for the account.ceiling alert). */
export function crossings(limits: DailyLimits, before: DayUsage, amountCents: number): Crossing[] {
  const pairs: [LimitKey, number, number][] = [
    ["perDayCount", before.count, before.count + 1],
    ["perDayCents", before.cents, before.cents + amountCents],
    ["perDaySameAmount", before.byAmount.get(amountCents) ?? 0, (before.byAmount.get(amountCents) ?? 0) + 1],
  ];
  const out: Crossing[] = [];
  for (const [limit, was, now] of pairs) {
    const max = limits[limit];
    if (max === null || max <= 0) continue;
    // Only the highest threshold crossed by this order: at 100% the 80% warning is old news.
    const hit = [...ALERT_PERCENTS].reverse().find((p) => was * 100 < p * max && now * 100 >= p * max);
    if (hit) out.push({ limit, percent: hit, used: now, max });
  }
  return out;
}

/** The meter the admin and the dashboard show: 「今日 12/50 笔 · ¥60.00/¥500.00」 (limits the owner did not set are left out). */
export function meterText(usage: DayUsage, limits: DailyLimits, yuan: (cents: number) => string): string {
  const count = `今日 ${usage.count}${limits.perDayCount !== null ? `/${limits.perDayCount}` : ""} 笔`;
  const money = `¥${yuan(usage.cents)}${limits.perDayCents !== null ? `/¥${yuan(limits.perDayCents)}` : ""}`;
  return `${count} · ${money}`;
}
