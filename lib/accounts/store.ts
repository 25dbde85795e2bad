import { db, type Tx } from "@/lib/db/client";
import { CHANNELS, CHANNEL_LABEL, type Channel } from "@/lib/channels";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/tx";
import { isOnline } from "@/lib/devices/health";
import { asDeviceRole, type DeviceRole } from "@/lib/devices/roles";
import { onlineAccountIds, receiptAccount, speaksFor, type PhoneLink } from "@/lib/accounts/rules";
import { asAccountHealth, type AccountHealth } from "@/lib/accounts/health";
import type { DailyLimits } from "@/lib/accounts/ceilings";

/**
 * Receiving accounts as the order and payment paths see them. Every channel always
 * has exactly one default account (unique Account.defaultFor): the migration made
 * one per channel, and a database emptied since (tests, a wiped install) gets it
 * back here on the next write path that needs it, under the same fixed id.
 */
export const defaultAccountIdFor = (channel: Channel) => `acct_${channel}`;

export interface AccountState {
  id: string;
  channel: Channel;
  name: string;
  isDefault: boolean;
  enabled: boolean;
  createdAt: Date;
  /** A phone that speaks for it (rules.ts) is online. */
  online: boolean;
  health: AccountHealth;
  /** A reader reported the wallet's own daily cap: no new orders before this instant. */
  fullUntil: Date | null;
  limits: DailyLimits;
  payeeName: string | null;
}

const accountSelect = {
  id: true,
  channel: true,
  name: true,
  defaultFor: true,
  enabled: true,
  createdAt: true,
  health: true,
  fullUntil: true,
  perDayCount: true,
  perDayCents: true,
  perDaySameAmount: true,
  payeeName: true,
} as const;

type Client = Tx | ReturnType<typeof db>;

async function ensureDefaults(q: Client, rows: { channel: string; defaultFor: string | null }[]): Promise<boolean> {
  let created = false;
  for (const channel of CHANNELS) {
    if (rows.some((r) => r.defaultFor === channel)) continue;
    const id = defaultAccountIdFor(channel);
    try {
      await q.account.upsert({
        where: { id },
        create: { id, channel, name: `默认${CHANNEL_LABEL[channel]}账户`, defaultFor: channel },
        update: { defaultFor: channel, enabled: true },
      });
    } catch (e) {
      // Another request made it at the same moment: the unique index kept it to one, which is all we need.
      // (Inside a PostgreSQL transaction the error has aborted it; the caller's retry on unique violations re-runs it.)
      if (!isUniqueViolation(e)) throw e;
    }
    created = true;
  }
  return created;
}

/** The enabled real phones with their assignments resolved (rules.ts PhoneOfAccount). */
export async function phonesWithLinks(q: Client = db()) {
  const phones = await q.device.findMany({
    where: { enabled: true, kind: { not: "demo" } },
    select: {
      id: true,
      name: true,
      enabled: true,
      lastHeartbeatAt: true,
      lastNotificationAt: true,
      accounts: { select: { role: true, account: { select: { id: true, channel: true } } } },
    },
  });
  return phones.map(({ accounts, ...p }) => ({
    ...p,
    links: accounts.map((l) => ({ ...l.account, role: asDeviceRole(l.role) })) as PhoneLink[],
  }));
}

/** Every account with its online state, default first then oldest first per channel. */
export async function accountStates(now = new Date()): Promise<AccountState[]> {
  let rows = await db().account.findMany({ select: accountSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  if (await ensureDefaults(db(), rows)) {
    rows = await db().account.findMany({ select: accountSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  }
  const refs = rows.map((r) => ({ id: r.id, channel: r.channel, isDefault: r.defaultFor !== null }));
  const online = onlineAccountIds(refs, await phonesWithLinks(), now, config().NOTIFIER_OFFLINE_AFTER_SECONDS);
  return rows
    .map((r) => ({
      id: r.id,
      channel: r.channel as Channel,
      name: r.name,
      isDefault: r.defaultFor !== null,
      enabled: r.enabled,
      createdAt: r.createdAt,
      online: online.has(r.id),
      health: asAccountHealth(r.health),
      fullUntil: r.fullUntil,
      limits: { perDayCount: r.perDayCount, perDayCents: r.perDayCents, perDaySameAmount: r.perDaySameAmount },
      payeeName: r.payeeName,
    }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}

/** The channel's default account id (created if the database has none): codes and phones without an account belong to it. */
export async function defaultAccountId(q: Client, channel: Channel): Promise<string> {
  const row = await q.account.findUnique({ where: { defaultFor: channel }, select: { id: true } });
  if (row) return row.id;
  await ensureDefaults(q, []);
  return defaultAccountIdFor(channel);
}

/** Where a payment reported by a phone goes (rules.ts receiptAccount), with what the standby rule needs. */
export type ReceiptRoute =
  | { accountId: null }
  | {
      accountId: string;
      role: DeviceRole;
      /** The account has a standby phone: a primary's report may be one the standby already settled. */
      hasStandby: boolean;
    };

/** The account a payment reported by `deviceId` on `channel` was received by, inside the settlement transaction. */
export async function receiptRoute(tx: Tx, channel: Channel, deviceId: string | null | undefined): Promise<ReceiptRoute> {
  const links = deviceId
    ? await tx.deviceAccount.findMany({ where: { deviceId }, select: { role: true, account: { select: { id: true, channel: true } } } })
    : [];
  const to = receiptAccount(
    channel,
    links.map((l) => ({ ...l.account, role: asDeviceRole(l.role) })),
  );
  if (to.kind === "unowned") return { accountId: null };
  // The default account is looked up only when the phone does not speak for one of this channel.
  const accountId = to.kind === "account" ? to.accountId : await defaultAccountId(tx, channel);
  const role: DeviceRole = to.kind === "account" ? to.role : "primary";
  const standby = await tx.deviceAccount.findFirst({ where: { accountId, role: "standby" }, select: { deviceId: true } });
  return { accountId, role, hasStandby: standby !== null };
}

/** Is a primary phone of the account online (an unassigned phone is the default account's primary)? */
export async function primaryOnline(q: Client, accountId: string, now: Date): Promise<boolean> {
  const account = await q.account.findUnique({ where: { id: accountId }, select: { id: true, channel: true, defaultFor: true } });
  if (!account) return false;
  const ref = { ...account, isDefault: account.defaultFor !== null };
  return (await phonesWithLinks(q)).some(
    (p) => speaksFor(p, ref) && p.links.every((l) => l.id !== accountId || l.role === "primary") && isOnline(p, now),
  );
}

/** The owner picks an account for a code, a phone or a bill: it must exist (and be of `channel` when given). */
export async function requireAccount(id: string, channel?: Channel): Promise<{ id: string; channel: Channel }> {
  const row = await db().account.findUnique({ where: { id }, select: { id: true, channel: true } });
  if (!row) throw new AppError("not_found", "找不到这个收款账户，请刷新后重新选择。");
  if (channel && row.channel !== channel) {
    throw new AppError("invalid_input", `所选收款账户不是${CHANNEL_LABEL[channel]}账户，请选择同一渠道的账户。`);
  }
  return { id: row.id, channel: row.channel as Channel };
}
