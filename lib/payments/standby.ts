import type { Tx } from "@/lib/db/client";
import { withTx } from "@/lib/db/tx";
import { advisoryLock } from "@/lib/db/lock";
import { markOnce } from "@/lib/db/once";
import { newId } from "@/lib/ids";
import { config } from "@/lib/config";
import type { Channel } from "@/lib/channels";
import { enqueue } from "@/lib/jobs/queue";
import type { Handlers } from "@/lib/jobs/runner";
import { raiseEvent } from "@/lib/alerts/raise";
import { primaryOnline } from "@/lib/accounts/store";
import { recordPayment, type Receipt, type SettleResult } from "@/lib/payments/record";
import { alertWindow, lateFrom, pairFrom, settleAt, standbyDecision } from "@/lib/payments/standby-rules";

/**
 * The standby (备用) phone (rules: standby-rules.ts). Exactly once across two phones and
 * any number of server processes, because every decision about one (account, amount) runs
 * under one transaction-scoped lock (PostgreSQL advisory lock; SQLite has one writer) and
 * each pairing is a unique column: a payment is paired with at most one standby report
 * (StandbyReport.paymentId), a standby-settled payment with at most one primary report
 * (StandbyReport.primaryKey). The delayed settlement is a job in the database queue, run by
 * whichever worker leases it, never a timer in a request.
 */
export const STANDBY_JOB = "standby.settle";

const lockReceipt = (tx: Tx, accountId: string, amountCents: number) => advisoryLock(tx, `paywall-receipt:${accountId}:${amountCents}`);

/** The oldest payment of the account and amount since `from` that a phone reported and no standby report is paired with yet. */
function unpairedPrimaryPayment(tx: Tx, accountId: string, amountCents: number, from: Date) {
  return tx.payment.findFirst({
    where: { accountId, amountCents, receivedAt: { gte: from }, source: "notify", demo: false, standbyReport: { is: null } },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
}

/** A standby phone reported a payment: a confirmation, a wait for the primary, or the payment itself. */
export async function standbyReceipt(tx: Tx, r: Receipt, accountId: string, now: Date): Promise<SettleResult> {
  await lockReceipt(tx, accountId, r.amountCents);
  const report = {
    id: newId(),
    accountId,
    channel: r.channel,
    amountCents: r.amountCents,
    deviceId: r.deviceId ?? null,
    notificationId: r.notificationId ?? null,
    dedupeKey: r.dedupeKey,
    contentKey: r.contentKey ?? null,
    postedAt: r.postedAt ?? null,
    seenAt: now,
  };
  const primary = await unpairedPrimaryPayment(tx, accountId, r.amountCents, pairFrom(now));
  const decision = standbyDecision({
    primaryPaymentFound: !!primary,
    primaryOnline: !primary && (await primaryOnline(tx, accountId, now)),
  });
  if (decision === "confirm") {
    await tx.standbyReport.create({ data: { ...report, status: "confirmed", paymentId: primary!.id } });
    return { result: "confirmation", paymentId: primary!.id };
  }
  if (decision === "wait") {
    await tx.standbyReport.create({ data: { ...report, status: "waiting" } });
    await enqueue(tx, STANDBY_JOB, { reportId: report.id }, { runAt: settleAt(now, config().STANDBY_WAIT_SECONDS), ref: accountId });
    return { result: "waiting" };
  }
  const settled = await recordPayment(tx, r, accountId, now);
  const paymentId = "paymentId" in settled ? settled.paymentId : null;
  await tx.standbyReport.create({ data: { ...report, status: "settled", paymentId } });
  await standbyActive(tx, { accountId, deviceId: r.deviceId ?? null, amountCents: r.amountCents, reason: "primary_offline", settled }, now);
  return settled;
}

/**
 * A primary phone of an account with a standby reported a payment: when the standby already
 * settled it (the primary was late or offline), this report is a confirmation. Null: go on
 * and record it as the payment (the standby, if it reports too, will pair with it).
 */
export async function primaryReceipt(tx: Tx, r: Receipt, accountId: string, now: Date): Promise<SettleResult | null> {
  await lockReceipt(tx, accountId, r.amountCents);
  const keys = [{ primaryKey: r.dedupeKey }, ...(r.contentKey ? [{ primaryContentKey: r.contentKey }] : [])];
  if (await tx.standbyReport.findFirst({ where: { OR: keys }, select: { id: true } })) return { result: "duplicate" };
  const settled = await tx.standbyReport.findFirst({
    where: { accountId, amountCents: r.amountCents, status: "settled", primaryKey: null, seenAt: { gte: lateFrom(now) } },
    orderBy: [{ seenAt: "asc" }, { id: "asc" }],
    select: { id: true, paymentId: true },
  });
  if (!settled) return null;
  await tx.standbyReport.update({
    where: { id: settled.id },
    data: { primaryKey: r.dedupeKey, primaryContentKey: r.contentKey ?? null },
  });
  return { result: "confirmation", paymentId: settled.paymentId };
}

/** The job: the primary has had STANDBY_WAIT_SECONDS. Confirm its payment, or settle with the standby's report. */
export async function settleWaitingReport(reportId: string, now = new Date()): Promise<void> {
  await withTx(async (tx) => {
    const head = await tx.standbyReport.findUnique({ where: { id: reportId }, select: { accountId: true, amountCents: true } });
    if (!head) return;
    await lockReceipt(tx, head.accountId, head.amountCents);
    // Read again under the lock: another worker may have finished it.
    const rep = await tx.standbyReport.findUnique({ where: { id: reportId } });
    if (!rep || rep.status !== "waiting") return;
    const primary = await unpairedPrimaryPayment(tx, rep.accountId, rep.amountCents, pairFrom(rep.seenAt));
    if (primary) {
      await tx.standbyReport.update({ where: { id: rep.id }, data: { status: "confirmed", paymentId: primary.id } });
      if (rep.notificationId) await tx.notification.updateMany({ where: { id: rep.notificationId }, data: { outcome: "confirmation" } });
      return;
    }
    const receipt: Receipt = {
      channel: rep.channel as Channel,
      amountCents: rep.amountCents,
      dedupeKey: rep.dedupeKey,
      contentKey: rep.contentKey,
      notificationId: rep.notificationId,
      postedAt: rep.postedAt,
      deviceId: rep.deviceId,
    };
    const settled = await recordPayment(tx, receipt, rep.accountId, now);
    const paymentId = "paymentId" in settled ? settled.paymentId : null;
    await tx.standbyReport.update({ where: { id: rep.id }, data: { status: "settled", paymentId } });
    if (rep.notificationId) await tx.notification.updateMany({ where: { id: rep.notificationId }, data: { outcome: settled.result } });
    await standbyActive(
      tx,
      { accountId: rep.accountId, deviceId: rep.deviceId, amountCents: rep.amountCents, reason: "primary_silent", settled },
      now,
    );
  });
}

/** standby.active: the owner learns the standby took over, at most once per account per alert window. */
async function standbyActive(
  tx: Tx,
  s: {
    accountId: string;
    deviceId: string | null;
    amountCents: number;
    reason: "primary_offline" | "primary_silent";
    settled: SettleResult;
  },
  now: Date,
): Promise<void> {
  if (!(await markOnce(tx, `standby-active:${s.accountId}:${alertWindow(now)}`, now))) return;
  await raiseEvent(
    tx,
    "standby.active",
    async () => {
      const [account, device] = await Promise.all([
        tx.account.findUnique({ where: { id: s.accountId }, select: { name: true } }),
        s.deviceId ? tx.device.findUnique({ where: { id: s.deviceId }, select: { name: true } }) : null,
      ]);
      return {
        accountId: s.accountId,
        account: account?.name ?? s.accountId,
        device: device?.name ?? null,
        reason: s.reason,
        amountCents: s.amountCents,
        orderId: "orderId" in s.settled ? s.settled.orderId : null,
      };
    },
    now,
  );
}

export const standbyHandlers: Handlers = {
  [STANDBY_JOB]: async (payload) => {
    const { reportId } = payload as { reportId: string };
    await settleWaitingReport(reportId);
  },
};
