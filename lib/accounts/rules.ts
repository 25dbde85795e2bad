import type { Channel } from "@/lib/channels";
import { isOnline, type SeenDevice } from "@/lib/devices/health";
import type { DeviceRole } from "@/lib/devices/roles";

/**
 * Which receiving account a phone speaks for. Pure: the one rule shared by matching
 * (a payment is looked for only among its own account's orders) and by allocation
 * (an account is handed out only while a phone that speaks for it is online).
 *
 * A phone assigned to accounts speaks only for them: a receipt of a channel none of
 * its accounts has is nobody's (an assistant's own wallet — it goes to the inbox), and
 * its heartbeat keeps only its own accounts online. The owner assigns it to an
 * account of the other channel too when the phone does carry the owner's other wallet.
 * An unassigned phone (the env-secret devices, today's single-phone setups) is the
 * phone of every channel's default account, as before accounts existed.
 */
export interface AccountRef {
  id: string;
  channel: string;
}

/** One of a phone's assignments (DeviceAccount), with the account resolved. */
export interface PhoneLink extends AccountRef {
  role: DeviceRole;
}

export type ReceiptAccount =
  /** The phone is unassigned: the channel's default account receives, as its primary phone. */
  | { kind: "default" }
  /** The phone's own account of this channel. */
  | { kind: "account"; accountId: string; role: DeviceRole }
  /** Assigned, but to no account of this channel: nobody's money as far as we know. */
  | { kind: "unowned" };

export function receiptAccount(channel: Channel, links: readonly PhoneLink[]): ReceiptAccount {
  if (links.length === 0) return { kind: "default" };
  const mine = links.find((l) => l.channel === channel);
  return mine ? { kind: "account", accountId: mine.id, role: mine.role } : { kind: "unowned" };
}

export interface PhoneOfAccount extends SeenDevice {
  /** The phone's assignments, resolved (empty: unassigned — the phone of every default account). */
  links: readonly PhoneLink[];
}

/** Does this phone speak for the account (any role)? */
export function speaksFor(phone: Pick<PhoneOfAccount, "links">, account: AccountRef & { isDefault: boolean }): boolean {
  return phone.links.length === 0 ? account.isDefault : phone.links.some((l) => l.id === account.id);
}

/** Accounts (of `accounts`) that at least one online phone speaks for; a standby phone counts too. */
export function onlineAccountIds(
  accounts: (AccountRef & { isDefault: boolean })[],
  phones: PhoneOfAccount[],
  now: Date,
  offlineAfterSeconds?: number,
): Set<string> {
  const online = new Set<string>();
  for (const p of phones) {
    if (!isOnline(p, now, offlineAfterSeconds)) continue;
    for (const a of accounts) if (speaksFor(p, a)) online.add(a.id);
  }
  return online;
}
