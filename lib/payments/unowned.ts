import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { channelLabel } from "@/lib/channels";
import { raiseEvent } from "@/lib/alerts/raise";
import { receiptRow, type Receipt, type SettleResult } from "@/lib/payments/record";

/**
 * A receipt from a phone assigned to accounts, none of them of this channel (an assistant's
 * phone assigned to a WeChat account forwarding its own Alipay): the money is not known to be
 * any of the owner's accounts, so no order is looked for. It is kept in the inbox (the owner
 * may still assign it), flagged unowned so reconciliation leaves it out.
 */
export async function unownedPayment(tx: Tx, r: Receipt, now: Date): Promise<SettleResult> {
  const paymentId = newId();
  await tx.payment.create({
    data: {
      ...receiptRow(paymentId, r, now),
      accountId: null,
      unowned: true,
      note: `报告它的手机没有被指定为任何${channelLabel(r.channel)}收款账户的手机，所以不属于任何收款账户（可能是这台手机主人自己的钱）。`,
    },
  });
  await raiseEvent(
    tx,
    "payment.unmatched",
    { paymentId, channel: r.channel, amountCents: r.amountCents, suspectedDuplicateOf: null, unowned: true },
    now,
  );
  return { result: "unmatched", paymentId, unowned: true };
}
