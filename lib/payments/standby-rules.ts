/**
 * The standby (备用) phone's windows. Pure. Two phones logged in to one wallet get the same
 * push within seconds of each other; each reports it. The primary's report is the payment;
 * the standby's is a confirmation of it — unless the primary stays silent, then the standby's
 * report is the payment. The money has no id of its own, so "the same payment" is
 * (account, amount, close in time), each payment paired at most once (standby.ts).
 *
 *  - a standby's report pairs with a primary payment of its account and amount received up to
 *    PAIR_BEFORE_SECONDS before it (the primary was faster);
 *  - with no such payment and a primary online, it waits STANDBY_WAIT_SECONDS (config) for one;
 *    then, or at once when no primary is online, it settles;
 *  - a primary's report up to PRIMARY_LATE_SECONDS after a standby settled that amount is the
 *    same payment, late (the primary came back, or its app retried): a confirmation.
 */
export const PAIR_BEFORE_SECONDS = 120;
export const PRIMARY_LATE_SECONDS = 600;
/** At most one standby.active alert per account per this long: a primary offline for an hour is one alert, not thirty. */
export const STANDBY_ALERT_EVERY_SECONDS = 1800;

export type StandbyDecision = "confirm" | "wait" | "settle";

export function standbyDecision(s: { primaryPaymentFound: boolean; primaryOnline: boolean }): StandbyDecision {
  if (s.primaryPaymentFound) return "confirm";
  return s.primaryOnline ? "wait" : "settle";
}

const before = (t: Date, seconds: number) => new Date(t.getTime() - seconds * 1000);

/** The earliest primary payment a standby report seen at `seenAt` may pair with. */
export const pairFrom = (seenAt: Date) => before(seenAt, PAIR_BEFORE_SECONDS);
/** When a waiting standby report settles if the primary is still silent. */
export const settleAt = (seenAt: Date, waitSeconds: number) => new Date(seenAt.getTime() + waitSeconds * 1000);
/** The earliest standby-settled payment a primary report arriving `now` confirms. */
export const lateFrom = (now: Date) => before(now, PRIMARY_LATE_SECONDS);
/** The alert window `now` falls in (its start, in ms), for the once-per-window key. */
export const alertWindow = (now: Date) => Math.floor(now.getTime() / (STANDBY_ALERT_EVERY_SECONDS * 1000));
