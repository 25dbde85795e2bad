/**
 * When does a receiving account look restricted? Pure: the worker (health-watch.ts) reads
 * the orders, this decides. The evidence is the account's own orders running out unpaid
 * while other accounts' orders are paid in the same hours — never silence alone: a quiet
 * blog where nobody buys anything is never judged.
 *
 * The rule. Take the account's finished orders, newest first, and count how many in a row
 * were not paid (its "streak"). Readers often open the dialog and leave, so a streak means
 * something only against how often the other accounts' orders were paid meanwhile: with
 * their paid share p, a healthy account's streak of n happens with probability (1 − p)^n.
 * The account becomes 可疑 when that probability is below SUSPECT_ALPHA (1%), i.e. when
 *   streak ≥ needed = max(MIN_STREAK, ⌈ln(SUSPECT_ALPHA) / ln(1 − p)⌉),
 * and the other accounts had at least MIN_OTHERS_PAID paid orders in that time.
 * (p = 50% → 7 in a row; p = 30% → 13; p = 10% → 44.) An unpaid order whose reader then
 * bought the same thing anyway (switched channel, took a new code) is no evidence either
 * way and is left out of both counts.
 */
export const MIN_STREAK = 5;
export const MIN_OTHERS_PAID = 3;
export const SUSPECT_ALPHA = 0.01;
/** Orders older than this are not looked at (and the owner's resume starts a new count). */
export const LOOKBACK_HOURS = 24;

export interface FinishedOrder {
  accountId: string | null;
  createdAt: Date;
  paid: boolean;
  /** Unpaid, but its reader paid for the same thing afterwards: left out. */
  settledElsewhere: boolean;
}

export interface StreakVerdict {
  streak: number;
  needed: number;
  since: Date;
  othersPaid: number;
  othersOrders: number;
}

/** The streak needed for 可疑 given the other accounts' paid share (see the rule above). */
export function neededStreak(othersPaid: number, othersOrders: number): number {
  if (othersOrders <= 0) return Infinity;
  const p = othersPaid / othersOrders;
  if (p >= 1) return MIN_STREAK;
  if (p <= 0) return Infinity;
  return Math.max(MIN_STREAK, Math.ceil(Math.log(SUSPECT_ALPHA) / Math.log(1 - p)));
}

/**
 * `orders`: finished orders of every account since the lookback start (or the owner's last
 * resume of this account), any order. Returns the evidence when the account is suspect, else null.
 */
export function judgeStreak(accountId: string, orders: readonly FinishedOrder[]): StreakVerdict | null {
  const counted = orders.filter((o) => o.paid || !o.settledElsewhere);
  const mine = counted.filter((o) => o.accountId === accountId).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  let streak = 0;
  while (streak < mine.length && !mine[streak].paid) streak++;
  if (streak < MIN_STREAK) return null;
  const since = mine[streak - 1].createdAt;
  const others = counted.filter((o) => o.accountId !== accountId && o.createdAt.getTime() >= since.getTime());
  const othersPaid = others.filter((o) => o.paid).length;
  if (othersPaid < MIN_OTHERS_PAID) return null;
  const needed = neededStreak(othersPaid, others.length);
  return streak >= needed ? { streak, needed, since, othersPaid, othersOrders: others.length } : null;
}
