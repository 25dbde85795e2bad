import { db, type Tx } from "@/lib/db/client";
import { CHANNELS, CHANNEL_LABEL, type Channel } from "@/lib/channels";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/tx";
import { receiptAccountId, onlineAccountIds, type AccountRef } from "@/lib/accounts/rules";

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
}

const accountSelect = { id: true, channel: true, name: true, defaultFor: true, enabled: true, createdAt: true } as const;

async function ensureDefaults(q: Tx | ReturnType<typeof db>, rows: { channel: string; defaultFor: string | null }[]): Promise<boolean> {
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

/** Every account with its online state, default first then oldest first per channel. */
export async function accountStates(now = new Date()): Promise<AccountState[]> {
  let rows = await db().account.findMany({ select: accountSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  if (await ensureDefaults(db(), rows)) {
    rows = await db().account.findMany({ select: accountSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  }
  const phones = await db().device.findMany({
    where: { enabled: true, kind: { not: "demo" } },
    select: { enabled: true, accountId: true, lastHeartbeatAt: true, lastNotificationAt: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const refs = rows.map((r) => ({ id: r.id, channel: r.channel, isDefault: r.defaultFor !== null }));
  const online = onlineAccountIds(
    refs,
    phones.map((p) => ({ ...p, account: (p.accountId && byId.get(p.accountId)) || null })),
    now,
    config().NOTIFIER_OFFLINE_AFTER_SECONDS,
  );
  return rows
    .map((r) => ({
      id: r.id,
      channel: r.channel as Channel,
      name: r.name,
      isDefault: r.defaultFor !== null,
      enabled: r.enabled,
      createdAt: r.createdAt,
      online: online.has(r.id),
    }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}

/** The channel's default account id (created if the database has none): codes and phones without an account belong to it. */
export async function defaultAccountId(q: Tx | ReturnType<typeof db>, channel: Channel): Promise<string> {
  const row = await q.account.findUnique({ where: { defaultFor: channel }, select: { id: true } });
  if (row) return row.id;
  await ensureDefaults(q, []);
  return defaultAccountIdFor(channel);
}

/** The account a payment reported by `deviceId` on `channel` was received by (rules.ts receiptAccountId). */
export async function accountOfReceipt(tx: Tx, channel: Channel, deviceId: string | null | undefined): Promise<string> {
  const device = deviceId ? await tx.device.findUnique({ where: { id: deviceId }, select: { accountId: true } }) : null;
  const phoneAccount: AccountRef | null = device?.accountId
    ? await tx.account.findUnique({ where: { id: device.accountId }, select: { id: true, channel: true } })
    : null;
  // The default account is looked up only when the phone does not speak for one of this channel.
  return receiptAccountId(channel, phoneAccount) ?? (await defaultAccountId(tx, channel));
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
