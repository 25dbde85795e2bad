import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { withTx, isUniqueViolation } from "@/lib/db/tx";
import { newId } from "@/lib/ids";
import type { Channel } from "@/lib/channels";
import { defaultAccountId, requireAccount } from "@/lib/accounts/store";
import { couponCapNote, settleOrder } from "@/lib/payments/settle";
import { couponCapReachedBy } from "@/lib/coupons/apply";
import { raiseEvent } from "@/lib/alerts/raise";
import type { InboxReason } from "@/lib/reconcile/reasons";
import type { Bill, BillIncome } from "@/lib/reconcile/layouts";

/**
 * Reconciliation of an official bill against what the server saw. For each
 * income row, in time order:
 * - a payment the phone reported (same channel and amount, reported between
 *   5 minutes before and 30 minutes after the bill's time, closest first, not
 *   already paired with a bill row) → `already_settled` (fine);
 * - else exactly one unpaid order of that channel and exact amount that held
 *   the amount at that time (open, or in its late-grace window; ±60 s for the
 *   two clocks) → the order is settled by a payment with source `bill` and its
 *   reader unlocks (`settled`);
 * - else (several such orders, or none) → a `bill` payment in the owner's inbox.
 * Then every payment the phones reported in the bill's period that no bill row
 * accounts for is flagged `billStatus: missing` — possibly a forged notification.
 * Each row is one transaction, keyed by (channel, the bill's transaction
 * number): importing the same bill again finds every row and changes nothing.
 */
const BEFORE_MS = 5 * 60_000;
const AFTER_MS = 30 * 60_000;
const CLOCK_SLACK_MS = 60_000;

export interface ReconcileSummary {
  importId: string;
  channel: string;
  format: string;
  periodStart: Date;
  periodEnd: Date;
  rows: number;
  incomes: number;
  alreadySettled: number;
  settled: number;
  inbox: number;
  notInBill: number;
  /** Income rows an earlier import already handled (left as they were). */
  alreadyImported: number;
  details: {
    settled: { txId: string; amountCents: number; occurredAt: Date; orderId: string; paymentId: string }[];
    inbox: { txId: string; amountCents: number; occurredAt: Date; paymentId: string; reason: InboxReason }[];
    notInBill: { paymentId: string; amountCents: number; at: Date; status: string }[];
  };
}

type Outcome =
  | { kind: "already_imported" }
  | { kind: "already_settled"; paymentId: string }
  | { kind: "settled"; paymentId: string; orderId: string }
  | { kind: "inbox"; paymentId: string; reason: InboxReason };

export async function reconcileBill(
  bill: Bill,
  file: { bytes: Buffer; name?: string | null },
  now = new Date(),
  accountId?: string | null,
): Promise<ReconcileSummary> {
  // A bill is one account's: only its payments and orders are compared (the channel's default when not said).
  const account = await billAccount(bill.channel, accountId);
  const fileHash = createHash("sha256").update(file.bytes).digest("hex");
  const earlier = await db().billImport.findFirst({ where: { fileHash }, select: { id: true } });
  const importId = earlier?.id ?? `bill_${newId(9)}`;
  if (!earlier) {
    await db().billImport.create({
      data: {
        id: importId,
        channel: bill.channel,
        accountId: account.id,
        format: bill.format,
        fileName: file.name?.slice(0, 200) ?? null,
        fileHash,
        periodStart: bill.periodStart,
        periodEnd: bill.periodEnd,
        summary: "{}",
        createdAt: now,
      },
    });
  }
  const s: ReconcileSummary = {
    importId,
    channel: bill.channel,
    format: bill.format,
    periodStart: bill.periodStart,
    periodEnd: bill.periodEnd,
    rows: bill.rows,
    incomes: bill.incomes.length,
    alreadySettled: 0,
    settled: 0,
    inbox: 0,
    notInBill: 0,
    alreadyImported: 0,
    details: { settled: [], inbox: [], notInBill: [] },
  };
  for (const row of [...bill.incomes].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())) {
    const o = await reconcileRow(importId, bill.channel, account, row, now);
    if (o.kind === "already_imported") s.alreadyImported++;
    else if (o.kind === "already_settled") s.alreadySettled++;
    else if (o.kind === "settled") {
      s.settled++;
      s.details.settled.push({
        txId: row.txId,
        amountCents: row.amountCents,
        occurredAt: row.occurredAt,
        orderId: o.orderId,
        paymentId: o.paymentId,
      });
    } else {
      s.inbox++;
      s.details.inbox.push({
        txId: row.txId,
        amountCents: row.amountCents,
        occurredAt: row.occurredAt,
        paymentId: o.paymentId,
        reason: o.reason,
      });
    }
  }
  const flagged = await flagNotInBill(bill, account);
  s.notInBill = flagged.all.length;
  s.details.notInBill = flagged.all;
  await db().billImport.update({ where: { id: importId }, data: { summary: JSON.stringify(s) } });
  if (s.settled + s.inbox + flagged.newly > 0) {
    await raiseEvent(db(), "reconcile.difference", {
      importId,
      channel: bill.channel,
      periodStart: bill.periodStart.toISOString(),
      periodEnd: bill.periodEnd.toISOString(),
      settled: s.settled,
      inbox: s.inbox,
      notInBill: flagged.newly,
    });
  }
  return s;
}

interface BillAccount {
  id: string;
  /** Rows written before accounts existed (or by hand) name no account: they are the default account's. */
  where: { accountId: string } | { OR: { accountId: string | null }[] };
  /** The same for payments, without unowned ones (a phone that speaks for no account of the channel): nobody's, never in a bill. */
  payments: { accountId: string } | { OR: ({ accountId: string } | { accountId: null; unowned: false })[] };
}

async function billAccount(channel: Channel, accountId: string | null | undefined): Promise<BillAccount> {
  const id = accountId ? (await requireAccount(accountId, channel)).id : await defaultAccountId(db(), channel);
  const isDefault = id === (await defaultAccountId(db(), channel));
  return isDefault
    ? {
        id,
        where: { OR: [{ accountId: id }, { accountId: null }] },
        payments: { OR: [{ accountId: id }, { accountId: null, unowned: false }] },
      }
    : { id, where: { accountId: id }, payments: { accountId: id } };
}

async function reconcileRow(importId: string, channel: string, account: BillAccount, row: BillIncome, now: Date): Promise<Outcome> {
  try {
    return await withTx(async (tx) => {
      if (await tx.billEntry.findUnique({ where: { channel_txId: { channel, txId: row.txId } }, select: { id: true } })) {
        return { kind: "already_imported" } as const;
      }
      const t = row.occurredAt.getTime();
      const entry = {
        id: newId(),
        importId,
        channel,
        txId: row.txId,
        amountCents: row.amountCents,
        occurredAt: row.occurredAt,
        kind: row.kind.slice(0, 100),
        counterparty: row.counterparty?.slice(0, 100) ?? null,
        createdAt: now,
      };

      const seen = await tx.payment.findMany({
        where: {
          channel,
          amountCents: row.amountCents,
          source: "notify",
          billEntry: null,
          AND: [
            account.payments,
            {
              OR: [
                { postedAt: { gte: new Date(t - BEFORE_MS), lte: new Date(t + AFTER_MS) } },
                { postedAt: null, receivedAt: { gte: new Date(t - BEFORE_MS), lte: new Date(t + AFTER_MS) } },
              ],
            },
          ],
        },
        select: { id: true, postedAt: true, receivedAt: true },
      });
      const closest = seen.sort(
        (a, b) => Math.abs((a.postedAt ?? a.receivedAt).getTime() - t) - Math.abs((b.postedAt ?? b.receivedAt).getTime() - t),
      )[0];
      if (closest) {
        await tx.billEntry.create({ data: { ...entry, outcome: "already_settled", paymentId: closest.id } });
        await tx.payment.update({ where: { id: closest.id }, data: { billStatus: "found" } });
        return { kind: "already_settled", paymentId: closest.id } as const;
      }

      const orders = await tx.order.findMany({
        where: {
          channel,
          ...account.where,
          amountCents: row.amountCents,
          status: { not: "paid" },
          createdAt: { lte: new Date(t + CLOCK_SLACK_MS) },
          slotHeldUntil: { gte: new Date(t - CLOCK_SLACK_MS) },
        },
        select: { id: true, expiresAt: true, couponId: true },
        take: 5,
      });
      const paymentId = newId();
      await tx.payment.create({
        data: {
          id: paymentId,
          channel,
          accountId: account.id,
          amountCents: row.amountCents,
          dedupeKey: `bill:${channel}:${row.txId}`,
          source: "bill",
          billStatus: "found",
          status: "unmatched",
          receivedAt: now,
          postedAt: row.occurredAt,
          note: `对账补记：账单交易号 ${row.txId}`,
        },
      });
      // An order whose coupon was used up meanwhile is not paid by the bill: the owner decides in the inbox.
      const capped = orders.length === 1 ? await couponCapReachedBy(tx, orders[0]) : null;
      if (capped) {
        await tx.payment.update({ where: { id: paymentId }, data: { note: couponCapNote(capped, orders[0].id) } });
        await tx.billEntry.create({ data: { ...entry, outcome: "inbox", reason: "coupon_used_up", paymentId } });
        return { kind: "inbox", paymentId, reason: "coupon_used_up" } as const;
      }
      if (orders.length === 1 && (await settleOrder(tx, orders[0].id, paymentId, t > orders[0].expiresAt.getTime(), now))) {
        await tx.billEntry.create({ data: { ...entry, outcome: "settled", paymentId, orderId: orders[0].id } });
        return { kind: "settled", paymentId, orderId: orders[0].id } as const;
      }
      const reason = orders.length > 1 ? "ambiguous" : "no_order";
      await tx.billEntry.create({ data: { ...entry, outcome: "inbox", reason, paymentId } });
      return { kind: "inbox", paymentId, reason } as const;
    });
  } catch (e) {
    // Another import of the same bill took this row at the same moment.
    if (isUniqueViolation(e)) return { kind: "already_imported" };
    throw e;
  }
}

/** Phone-reported payments inside the bill's period that no bill row accounts for. */
async function flagNotInBill(bill: Bill, account: BillAccount) {
  // The first minutes of the period may hold a payment made just before it started.
  const from = new Date(bill.periodStart.getTime() + BEFORE_MS);
  const inPeriod = { gte: from, lte: bill.periodEnd };
  const rows = await db().payment.findMany({
    where: {
      channel: bill.channel,
      source: "notify",
      billEntry: null,
      AND: [account.payments, { OR: [{ postedAt: inPeriod }, { postedAt: null, receivedAt: inPeriod }] }],
      // Demo payments (模拟付款) were never real money.
      NOT: { notification: { deviceId: "demo" } },
    },
    select: { id: true, amountCents: true, postedAt: true, receivedAt: true, status: true, billStatus: true },
    orderBy: { receivedAt: "asc" },
    take: 1000,
  });
  const fresh = rows.filter((p) => p.billStatus !== "missing").map((p) => p.id);
  if (fresh.length) await db().payment.updateMany({ where: { id: { in: fresh } }, data: { billStatus: "missing" } });
  return {
    newly: fresh.length,
    all: rows.map((p) => ({ paymentId: p.id, amountCents: p.amountCents, at: p.postedAt ?? p.receivedAt, status: p.status })),
  };
}
