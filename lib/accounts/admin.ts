import { db } from "@/lib/db/client";
import { withTx } from "@/lib/db/tx";
import { newId } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { CHANNEL_LABEL, type Channel } from "@/lib/channels";
import { accountStates, phonesWithLinks } from "@/lib/accounts/store";
import { isOnline } from "@/lib/devices/health";
import { speaksFor } from "@/lib/accounts/rules";
import { describeEvidence, parseEvidence, type AccountHealth } from "@/lib/accounts/health";
import { EMPTY_USAGE, meterText, type DailyLimits } from "@/lib/accounts/ceilings";
import { dayUsage } from "@/lib/accounts/usage";
import { markAccount, resumeAccount } from "@/lib/accounts/health-store";
import { formatCents } from "@/lib/money";

/**
 * The owner's receiving accounts (收款账户). Rules kept here, each checked inside one
 * transaction against the rows (so two admin tabs cannot break them):
 * - every channel has one default account (unique Account.defaultFor), and it is enabled:
 *   codes and phones without an account belong to it, so it cannot be disabled or deleted;
 *   make another account the default first. That also keeps one enabled account per channel.
 * - an account is deleted only when nothing names it (codes, phones, orders, payments,
 *   bills); otherwise the answer is 409 and the owner disables it instead, which stops new
 *   orders on it while its held amounts still match and its history stays readable.
 */
export async function listAccounts(now = new Date()) {
  const [states, codes, phones, held, details] = await Promise.all([
    accountStates(now),
    db().qrCode.groupBy({ by: ["channel", "accountId"], where: { demo: false }, _count: true }),
    phonesWithLinks(),
    db().order.groupBy({ by: ["accountId"], where: { openSlot: { not: null }, slotHeldUntil: { gt: now } }, _count: true }),
    db().account.findMany({ select: { id: true, healthSince: true, healthEvidence: true } }),
  ]);
  const usage = await dayUsage(
    db(),
    states.map((a) => a.id),
    now,
  );
  return states.map((a) => {
    const d = details.find((x) => x.id === a.id);
    const evidence = parseEvidence(d?.healthEvidence ?? null);
    const today = usage.get(a.id) ?? EMPTY_USAGE;
    return {
      ...a,
      // Codes and phones without an account are the default account's.
      codes: codes
        .filter((c) => c.accountId === a.id || (a.isDefault && c.accountId === null && c.channel === a.channel))
        .reduce((n, c) => n + c._count, 0),
      phones: phones
        .filter((p) => speaksFor(p, a))
        .map((p) => ({
          id: p.id,
          name: p.name,
          role: p.links.find((l) => l.id === a.id)?.role ?? "primary",
          online: isOnline(p, now),
        })),
      heldNow: held.find((h) => h.accountId === a.id)?._count ?? 0,
      healthSince: d?.healthSince ?? null,
      evidence,
      evidenceText: describeEvidence(evidence),
      today: { count: today.count, cents: today.cents },
      /** A reader reported the wallet's daily cap: no new orders before fullUntil. */
      fullToday: !!a.fullUntil && a.fullUntil.getTime() > now.getTime(),
      meter: meterText(today, a.limits, formatCents),
    };
  });
}

export type AccountListItem = Awaited<ReturnType<typeof listAccounts>>[number];

export async function createAccount(input: { channel: Channel; name: string }) {
  await accountStates(); // the channel's default exists before a second account does
  const clash = await db().account.findFirst({ where: { channel: input.channel, name: input.name }, select: { id: true } });
  if (clash) throw new AppError("conflict", `已经有一个叫「${input.name}」的${CHANNEL_LABEL[input.channel]}账户，请换个名字。`);
  return db().account.create({ data: { id: `acct_${newId(10)}`, channel: input.channel, name: input.name } });
}

async function find(tx: Parameters<Parameters<typeof withTx>[0]>[0], id: string) {
  const a = await tx.account.findUnique({ where: { id } });
  if (!a) throw new AppError("not_found", "找不到这个收款账户，请刷新页面。");
  return a;
}

export interface AccountPatch {
  name?: string;
  enabled?: boolean;
  isDefault?: true;
  /** The payee name readers see in their wallet (null: none shown). */
  payeeName?: string | null;
  /** Daily ceilings; a key left out is unchanged, null removes it. */
  limits?: Partial<DailyLimits>;
  /** Back to 正常 (after checking the wallet): evidence from before no longer counts. */
  resume?: true;
  /** The owner stops new orders on it (e.g. the wallet says it is restricted). */
  pause?: true;
}

export async function updateAccount(id: string, patch: AccountPatch, now = new Date()) {
  return withTx(async (tx) => {
    const a = await find(tx, id);
    const label = CHANNEL_LABEL[a.channel as Channel];
    if (patch.enabled === false && a.defaultFor) {
      const others = await tx.account.count({ where: { channel: a.channel, enabled: true, id: { not: id } } });
      throw new AppError(
        "conflict",
        others === 0
          ? `这是唯一启用的${label}收款账户，不能停用：读者将无法用${label}付款。`
          : `默认账户不能停用：请先把另一个${label}账户设为默认。`,
      );
    }
    if (patch.isDefault && !a.defaultFor) {
      if (!(patch.enabled ?? a.enabled)) throw new AppError("conflict", "停用的账户不能设为默认，请先启用。");
      const old = await tx.account.findUnique({ where: { defaultFor: a.channel }, select: { id: true } });
      // Codes without an account were the old default's: pin them to it, so the switch moves no code.
      if (old) await tx.qrCode.updateMany({ where: { channel: a.channel, accountId: null }, data: { accountId: old.id } });
      // One statement each, in one transaction: the unique defaultFor never sees two defaults.
      await tx.account.updateMany({ where: { defaultFor: a.channel }, data: { defaultFor: null } });
      await tx.account.update({ where: { id }, data: { defaultFor: a.channel } });
    }
    if (patch.name !== undefined && patch.name !== a.name) {
      const clash = await tx.account.findFirst({ where: { channel: a.channel, name: patch.name, id: { not: id } }, select: { id: true } });
      if (clash) throw new AppError("conflict", `已经有一个叫「${patch.name}」的${label}账户，请换个名字。`);
    }
    if (patch.resume) await resumeAccount(tx, id, now);
    if (patch.pause) await markAccount(tx, id, "paused", { kind: "owner", note: null }, now, { from: HEALTHS, alert: false });
    return tx.account.update({
      where: { id },
      data: { name: patch.name, enabled: patch.enabled, payeeName: patch.payeeName, ...(patch.limits ?? {}) },
    });
  });
}

const HEALTHS: AccountHealth[] = ["ok", "suspect", "paused"];

export async function deleteAccount(id: string): Promise<void> {
  await withTx(async (tx) => {
    const a = await find(tx, id);
    if (a.defaultFor) throw new AppError("conflict", "默认账户不能删除：请先把另一个账户设为默认。");
    const [codes, phones, orders, payments, bills] = await Promise.all([
      tx.qrCode.count({ where: { accountId: id } }),
      tx.deviceAccount.count({ where: { accountId: id } }),
      tx.order.count({ where: { accountId: id } }),
      tx.payment.count({ where: { accountId: id } }),
      tx.billImport.count({ where: { accountId: id } }),
    ]);
    if (codes + phones > 0) {
      throw new AppError(
        "conflict",
        `这个账户还有 ${codes} 个收款码、${phones} 台手机，不能删除：请先删除或改到其他账户，或者改为「停用」。`,
      );
    }
    if (orders + payments + bills > 0) {
      throw new AppError("conflict", "这个账户已经有订单或收款记录，删除会让历史对不上账：请改为「停用」。");
    }
    await tx.account.delete({ where: { id } });
  });
}
