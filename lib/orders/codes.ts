import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { CHANNEL_LABEL, type Channel } from "@/lib/channels";
import { accountStates, type AccountState } from "@/lib/accounts/store";
import { planSlots, type SlotPlan } from "@/lib/orders/allocation";

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
    select: { id: true, channel: true, amountCents: true, accountId: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const defaults = new Map(accounts.filter((a) => a.isDefault).map((a) => [a.channel as string, a.id]));
  return rows.map((r) => ({ ...r, accountId: r.accountId ?? defaults.get(r.channel) ?? "" }));
}

/**
 * Accounts that may be handed out on a channel, in preference order: enabled, and
 * with a phone online to report their payments (in demo mode every enabled one: the
 * 模拟付款 button is the phone).
 */
export function usableAccountIds(accounts: AccountState[], channel: Channel, demo: boolean): string[] {
  return accounts.filter((a) => a.channel === channel && a.enabled && (demo || a.online)).map((a) => a.id);
}

/**
 * The slots an order on `channel` may take (allocation.ts planSlots over the usable
 * accounts). Refuses when there are none: no code at all (no_qr_code), or codes only
 * on accounts whose phones are offline (notifier_offline: the reader would pay into a void).
 */
export async function planOrder(
  channel: Channel,
  candidates: number[],
  demo: boolean,
  now: Date,
  noCodeMessage?: string,
): Promise<SlotPlan[]> {
  const accounts = await accountStates(now);
  const codes = await usableCodes({ demo, channel }, accounts);
  const plan = planSlots(candidates, codes, usableAccountIds(accounts, channel, demo));
  if (plan.length > 0) return plan;
  const enabled = accounts.filter((a) => a.channel === channel && a.enabled).map((a) => a.id);
  if (planSlots(candidates, codes, enabled).length > 0) {
    throw new AppError(
      "notifier_offline",
      `${CHANNEL_LABEL[channel]}收款账户的通知手机暂时离线，付款可能无法自动确认。请稍后再试，或换一种付款方式。`,
      {
        headers: { "Retry-After": "30" },
      },
    );
  }
  throw new AppError("no_qr_code", noCodeMessage ?? `站长还没有设置可用的${CHANNEL_LABEL[channel]}收款码，请换一种付款方式。`);
}
