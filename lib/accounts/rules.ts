import type { Channel } from "@/lib/channels";
import { isOnline, type SeenDevice } from "@/lib/devices/health";

/**
 * Which receiving account a phone speaks for. Pure: the one rule shared by matching
 * (a payment is looked for only among its own account's orders) and by allocation
 * (an account is handed out only while a phone that speaks for it is online).
 *
 * A phone assigned to an account reports that account's channel for it. Its
 * notifications of the other channel, and every notification of an unassigned phone
 * (the env-secret devices, today's single-phone setups), belong to that channel's
 * default account: one person's phone usually carries one WeChat and one Alipay.
 */
export interface AccountRef {
  id: string;
  channel: string;
}

export function receiptAccountId(channel: Channel, phoneAccount: AccountRef | null): string | null {
  // null: the channel's default account.
  return phoneAccount && phoneAccount.channel === channel ? phoneAccount.id : null;
}

export interface PhoneOfAccount extends SeenDevice {
  /** The account the phone is assigned to, resolved (null: unassigned, or assigned to an account that no longer exists). */
  account: AccountRef | null;
}

/** Accounts (of `accounts`) that at least one online phone speaks for. */
export function onlineAccountIds(
  accounts: (AccountRef & { isDefault: boolean })[],
  phones: PhoneOfAccount[],
  now: Date,
  offlineAfterSeconds?: number,
): Set<string> {
  const online = new Set<string>();
  for (const p of phones) {
    if (!isOnline(p, now, offlineAfterSeconds)) continue;
    for (const a of accounts) {
      const speaksFor = p.account && p.account.channel === a.channel ? p.account.id === a.id : a.isDefault;
      if (speaksFor) online.add(a.id);
    }
  }
  return online;
}
