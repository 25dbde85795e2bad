import { AppError } from "@/lib/errors";
import { CHANNEL_LABEL, CHANNELS, type Channel } from "@/lib/channels";
import { accountStates, type AccountState } from "@/lib/accounts/store";
import { db } from "@/lib/db/client";
import { accountFull, EMPTY_USAGE, hasLimits } from "@/lib/accounts/ceilings";
import { dayUsage } from "@/lib/accounts/usage";
import { planSlots, type SlotPlan } from "@/lib/orders/allocation";
import { accountTiers, usableCodes, type UsableCode } from "@/lib/orders/codes";
import { dailyLimit, type Ceilings } from "@/lib/orders/ceiling-gate";

/** What an order on a channel may take: the slots in preference order, and what taking a slot checks with them. */
export interface OrderPlan {
  plan: SlotPlan[];
  ceilings: Ceilings;
  payees: ReadonlyMap<string, string | null>;
}

export const otherChannel = (c: Channel): Channel => CHANNELS.find((x) => x !== c)!;

function build(candidates: number[], codes: UsableCode[], accounts: AccountState[], ids: string[]): OrderPlan {
  const chosen = accounts.filter((a) => ids.includes(a.id));
  return {
    plan: planSlots(candidates, codes, ids),
    ceilings: {
      limits: new Map(chosen.filter((a) => hasLimits(a.limits)).map((a) => [a.id, a.limits])),
      codeLimits: new Map(codes.filter((c) => c.amountCents !== null && c.perDayCount !== null).map((c) => [c.id, c.perDayCount!])),
      replan: (without) =>
        planSlots(
          candidates,
          codes.filter((c) => !without.has(c.id)),
          ids,
        ),
    },
    payees: new Map(chosen.map((a) => [a.id, a.payeeName])),
  };
}

/**
 * The slots an order on `channel` may take (allocation.ts planSlots over the accounts that
 * may serve, codes.ts accountTiers). When none of the channel's accounts is healthy — each
 * is 可疑, 已暂停 or full today — the reader is sent to the other channel if a healthy account
 * serves it there (503 channel_unavailable with details.offerChannel); else a 可疑 account
 * serves as the last resort (it may well be fine: a false alarm must not stop a blog's only
 * channel); else 503 daily_limit / channel_unavailable. With no code at all: no_qr_code; codes
 * only on accounts whose phones are offline: notifier_offline (the reader would pay into a void).
 */
export async function planOrder(
  channel: Channel,
  candidates: number[],
  demo: boolean,
  now: Date,
  noCodeMessage?: string,
): Promise<OrderPlan> {
  const accounts = await accountStates(now);
  const codes = await usableCodes({ demo, channel }, accounts);
  const tiers = accountTiers(accounts, channel, demo, now);
  if (planSlots(candidates, codes, tiers.healthy).length > 0) return build(candidates, codes, accounts, tiers.healthy);
  if (planSlots(candidates, codes, tiers.live).length > 0) {
    const other = otherChannel(channel);
    if (await channelServes(other, candidates, demo, now, accounts)) throw channelUnavailable(channel, other);
    if (planSlots(candidates, codes, tiers.suspect).length > 0) return build(candidates, codes, accounts, tiers.suspect);
    if (planSlots(candidates, codes, tiers.full).length > 0) throw dailyLimit(now);
    throw channelUnavailable(channel, null);
  }
  const enabled = accounts.filter((a) => a.channel === channel && a.enabled).map((a) => a.id);
  if (planSlots(candidates, codes, enabled).length > 0) {
    throw new AppError(
      "notifier_offline",
      `${CHANNEL_LABEL[channel]}收款账户的通知手机暂时离线，付款可能无法自动确认。请稍后再试，或换一种付款方式。`,
      { headers: { "Retry-After": "30" } },
    );
  }
  throw new AppError("no_qr_code", noCodeMessage ?? `站长还没有设置可用的${CHANNEL_LABEL[channel]}收款码，请换一种付款方式。`);
}

/**
 * Does a healthy account with a code for these amounts serve `channel` now — and, given the price
 * quoted (`quotedCents`), is one of them below its daily ceilings? For the offer to switch channel;
 * taking the slot decides for real.
 */
export async function channelServes(
  channel: Channel,
  candidates: number[],
  demo: boolean,
  now: Date,
  accounts?: AccountState[],
  quotedCents?: number,
): Promise<boolean> {
  const all = accounts ?? (await accountStates(now));
  const codes = await usableCodes({ demo, channel }, all);
  let ids = accountTiers(all, channel, demo, now).healthy;
  const limited = all.filter((a) => ids.includes(a.id) && hasLimits(a.limits));
  if (quotedCents !== undefined && limited.length > 0) {
    const usage = await dayUsage(
      db(),
      limited.map((a) => a.id),
      now,
    );
    const full = new Set(limited.filter((a) => accountFull(a.limits, usage.get(a.id) ?? EMPTY_USAGE, quotedCents)).map((a) => a.id));
    ids = ids.filter((id) => !full.has(id));
  }
  return planSlots(candidates, codes, ids).length > 0;
}

/** The other channel when it can serve this order now (the reader's way out of a refusal), else null. */
export async function offerOtherChannel(channel: Channel, candidates: number[], demo: boolean, now: Date, quotedCents: number) {
  const other = otherChannel(channel);
  return (await channelServes(other, candidates, demo, now, undefined, quotedCents)) ? other : null;
}

/** 503: this channel cannot take the order now; `offer` names the channel that can. */
export function channelUnavailable(channel: Channel, offer: Channel | null): AppError {
  const label = CHANNEL_LABEL[channel];
  return new AppError(
    "channel_unavailable",
    offer ? `暂时不能用${label}付款，请改用${CHANNEL_LABEL[offer]}付款。` : `暂时不能用${label}付款，站长已收到通知，请稍后再试。`,
    { headers: { "Retry-After": "60" }, ...(offer ? { details: { offerChannel: offer } } : {}) },
  );
}
