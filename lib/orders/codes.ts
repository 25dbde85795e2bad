import { db } from "@/lib/db/client";
import type { Channel } from "@/lib/channels";
import type { AccountState } from "@/lib/accounts/store";

/**
 * The receiving codes orders may be given right now, each with its account (a code
 * without one belongs to its channel's default account). Demo mode hands out only
 * the seeded stand-in codes (their payloads are fake: a real reader must never
 * be shown one), and after go-live only the owner's real codes.
 * Newest first, so planSlots() picks the newest universal (and fixed-amount)
 * code of an account: an owner who uploads a second code means it as the replacement.
 */
export async function usableCodes(opts: { demo: boolean; channel?: Channel }, accounts: AccountState[]) {
  const rows = await db().qrCode.findMany({
    where: { enabled: true, demo: opts.demo, ...(opts.channel ? { channel: opts.channel } : {}) },
    select: { id: true, channel: true, amountCents: true, accountId: true, perDayCount: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const defaults = new Map(accounts.filter((a) => a.isDefault).map((a) => [a.channel as string, a.id]));
  return rows.map((r) => ({ ...r, accountId: r.accountId ?? defaults.get(r.channel) ?? "" }));
}

export type UsableCode = Awaited<ReturnType<typeof usableCodes>>[number];

/**
 * The accounts of a channel that may take an order, in preference order, by tier:
 * `live`: enabled, and a phone that speaks for it online (in demo mode every enabled one:
 * the 模拟付款 button is the phone); `healthy`: of those, 正常 and not reported full today;
 * `suspect`: 可疑 and not full — the last resort when no healthy account of either channel
 * can serve (lib/accounts/health.ts). 已暂停 accounts are never handed out.
 */
export function accountTiers(accounts: AccountState[], channel: Channel, demo: boolean, now: Date) {
  const live = accounts.filter((a) => a.channel === channel && a.enabled && (demo || a.online));
  const open = (a: AccountState) => !a.fullUntil || a.fullUntil.getTime() <= now.getTime();
  const ids = (list: AccountState[]) => list.map((a) => a.id);
  return {
    live: ids(live),
    healthy: ids(live.filter((a) => a.health === "ok" && open(a))),
    suspect: ids(live.filter((a) => a.health === "suspect" && open(a))),
    /** Live accounts held back only because a reader reported the wallet's daily cap today. */
    full: ids(live.filter((a) => a.health !== "paused" && !open(a))),
  };
}

/** The accounts handed out now on a channel (the healthy tier): capacity counts these. */
export function usableAccountIds(accounts: AccountState[], channel: Channel, demo: boolean, now = new Date()): string[] {
  return accountTiers(accounts, channel, demo, now).healthy;
}
