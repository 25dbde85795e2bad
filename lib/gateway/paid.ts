import type { Db, Tx } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/queue";

export const MERCHANT_NOTIFY_JOB = "merchant.notify";
/** With the queue's backoff (30 s doubling, at most an hour) ten attempts span about five hours. */
const NOTIFY_ATTEMPTS = 10;

/**
 * Settlement's hook for a gateway payment, inside its transaction: the merchant
 * order becomes paid and its notify is queued — it exists exactly when the
 * payment committed, and sending never holds up settlement. Status-guarded:
 * a second payment for the same merchant order (a late one for an expired QR)
 * changes nothing and queues nothing. A payment for a closed merchant order
 * still counts: the money arrived.
 */
export async function merchantOrderPaid(tx: Tx, merchantOrderId: string, paidCents: number, now: Date): Promise<void> {
  const updated = await tx.merchantOrder.updateMany({
    where: { id: merchantOrderId, status: { in: ["pending", "closed"] } },
    data: { status: "paid", paidAt: now, paidCents },
  });
  if (updated.count === 1) await queueNotify(tx, merchantOrderId, now);
}

/** `manual`: the owner's resend, sent even when the merchant acknowledged before. */
export async function queueNotify(tx: Tx | Db, merchantOrderId: string, now: Date, manual = false): Promise<void> {
  await enqueue(tx, MERCHANT_NOTIFY_JOB, { merchantOrderId, manual }, { ref: merchantOrderId, maxAttempts: NOTIFY_ATTEMPTS, runAt: now });
}
