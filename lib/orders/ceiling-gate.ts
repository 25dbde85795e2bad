import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { markOnce } from "@/lib/db/once";
import { chinaDay } from "@/lib/china-time";
import { raiseEvent } from "@/lib/alerts/raise";
import {
  accountFull,
  amountAllowed,
  crossings,
  EMPTY_USAGE,
  hasLimits,
  LIMIT_LABEL,
  type DailyLimits,
  type DayUsage,
} from "@/lib/accounts/ceilings";
import { codeUsage, dayUsage, secondsUntilTomorrow } from "@/lib/accounts/usage";
import type { SlotPlan } from "@/lib/orders/allocation";

/**
 * The daily ceilings while taking a slot (lib/accounts/ceilings.ts for the rule). Runs inside the
 * slot-taking transaction after the channel lock: the usage it counts and the order it lets in
 * are one serialised step, so with any number of server processes an account never takes
 * more than its ceiling. Sites without ceilings pay nothing: no query runs.
 */
export interface Ceilings {
  /** Accounts with at least one ceiling. */
  limits: ReadonlyMap<string, DailyLimits>;
  /** Fixed-amount codes with a daily count limit. */
  codeLimits: ReadonlyMap<string, number>;
  /** The plan again without some codes (a fixed-amount code at its limit: its amount falls back to the universal code). */
  replan: (without: ReadonlySet<string>) => SlotPlan[];
}

export interface Gated {
  plan: SlotPlan[];
  usage: ReadonlyMap<string, DayUsage>;
}

export async function applyCeilings(tx: Tx, plan: SlotPlan[], c: Ceilings | undefined, quotedCents: number, now: Date): Promise<Gated> {
  if (!c || (c.limits.size === 0 && c.codeLimits.size === 0)) return { plan, usage: new Map() };
  const accounts = [...new Set(plan.map((p) => p.accountId))].filter((a) => c.limits.has(a));
  const codes = [...new Set(plan.map((p) => p.qrCodeId))].filter((q) => c.codeLimits.has(q));
  const [usage, used] = await Promise.all([dayUsage(tx, accounts, now), codeUsage(tx, codes, now)]);
  const spent = new Set(codes.filter((q) => (used.get(q) ?? 0) >= c.codeLimits.get(q)!));
  const kept = (spent.size ? c.replan(spent) : plan).filter((p) => {
    const l = c.limits.get(p.accountId);
    if (!l) return true;
    const u = usage.get(p.accountId) ?? EMPTY_USAGE;
    return !accountFull(l, u, quotedCents) && amountAllowed(l, u, p.amountCents);
  });
  if (kept.length === 0 && plan.length > 0) throw dailyLimit(now);
  return { plan: kept, usage };
}

/** Can the account take one more order of this amount today (the extension of an order that ran out)? */
export async function fitsCeilings(tx: Tx, accountId: string, amountCents: number, now: Date): Promise<boolean> {
  const a = await tx.account.findUnique({
    where: { id: accountId },
    select: { perDayCount: true, perDayCents: true, perDaySameAmount: true },
  });
  if (!a || !hasLimits(a)) return true;
  const u = (await dayUsage(tx, [accountId], now)).get(accountId) ?? EMPTY_USAGE;
  return !accountFull(a, u, amountCents) && amountAllowed(a, u, amountCents);
}

/** 503 「今日收款已满」: every account that could serve is at a ceiling. Never a cheaper amount. */
export function dailyLimit(now: Date, offerChannel?: string): AppError {
  return new AppError("daily_limit", "今日收款已满，请明天再来。", {
    headers: { "Retry-After": String(secondsUntilTomorrow(now)) },
    ...(offerChannel ? { details: { offerChannel } } : {}),
  });
}

/** account.ceiling: the order just taken made its account cross 80% or 100% of a ceiling (once per day, account, ceiling, threshold). */
export async function ceilingAlerts(tx: Tx, slot: SlotPlan, c: Ceilings | undefined, gated: Gated, now: Date): Promise<void> {
  const limits = c?.limits.get(slot.accountId);
  if (!limits) return;
  const day = chinaDay(now);
  for (const x of crossings(limits, gated.usage.get(slot.accountId) ?? EMPTY_USAGE, slot.amountCents)) {
    if (!(await markOnce(tx, `ceiling:${slot.accountId}:${day}:${x.limit}:${x.percent}`, now))) continue;
    await raiseEvent(
      tx,
      "account.ceiling",
      async () => {
        const a = await tx.account.findUnique({ where: { id: slot.accountId }, select: { name: true, channel: true } });
        return {
          accountId: slot.accountId,
          account: a?.name ?? slot.accountId,
          channel: a?.channel ?? "",
          day,
          ...x,
          limitLabel: LIMIT_LABEL[x.limit],
        };
      },
      now,
    );
  }
}
