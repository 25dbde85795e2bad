import { withTx, isUniqueViolation } from "@/lib/db/tx";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { DEMO_DEVICE_ID } from "@/lib/devices/registry";
import { isLiveInTx, lockDemoSwitch } from "@/lib/devices/go-live";
import { receiptRoute, type ReceiptRoute } from "@/lib/accounts/store";
import { recordPayment, type Receipt, type SettleResult } from "@/lib/payments/record";
import { primaryReceipt, standbyReceipt } from "@/lib/payments/standby";
import { unownedPayment } from "@/lib/payments/unowned";

export { couponCapNote, settleOrder, recordPayment, type Receipt, type SettleResult } from "@/lib/payments/record";

/**
 * Records a payment and settles the one order holding (channel, account, amount), all
 * in one transaction. The payment row's unique dedupe/content keys make a
 * re-delivery a no-op; the status-guarded update makes two racing payments
 * settle an order at most once; a payment for a slot whose order is already
 * paid (echo window) is kept as unmatched, flagged as a suspected duplicate.
 */
export async function settlePayment(r: Receipt): Promise<SettleResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await settleOnce(r, r.now ?? new Date());
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // Only the dedupe/content key makes this a duplicate; another unique clash
      // (two entitlements racing for one reader) is retried with fresh state.
      if (await isKnownReceipt(r)) return { result: "duplicate" };
      if (attempt >= 3) throw e;
    }
  }
}

async function isKnownReceipt(r: Receipt): Promise<boolean> {
  const keys = [{ dedupeKey: r.dedupeKey }, ...(r.contentKey ? [{ contentKey: r.contentKey }] : [])];
  if ((await db().payment.count({ where: { OR: keys } })) > 0) return true;
  // A standby's report (waiting or confirmed), or a primary's report that confirmed a standby's payment.
  const asPrimary = [{ primaryKey: r.dedupeKey }, ...(r.contentKey ? [{ primaryContentKey: r.contentKey }] : [])];
  return (await db().standbyReport.count({ where: { OR: [...keys, ...asPrimary] } })) > 0;
}

async function settleOnce(r: Receipt, now: Date): Promise<SettleResult> {
  const demo = r.deviceId === DEMO_DEVICE_ID;
  return await withTx(async (tx) => {
    if (demo) {
      // Serialised with going live (go-live.ts): a demo payment never lands after the revocation.
      await lockDemoSwitch(tx);
      if (await isLiveInTx(tx)) throw new AppError("forbidden", "本站已开始正式收款，演示付款已关闭。");
    }
    const route: ReceiptRoute = r.accountId
      ? { accountId: r.accountId, role: "primary", hasStandby: false }
      : await receiptRoute(tx, r.channel, r.deviceId);
    // A phone assigned to accounts reported a channel none of them has: nobody's order is looked for.
    if (route.accountId === null) return unownedPayment(tx, r, now);
    if (route.role === "standby") return standbyReceipt(tx, r, route.accountId, now);
    if (route.hasStandby) {
      const confirmed = await primaryReceipt(tx, r, route.accountId, now);
      if (confirmed) return confirmed;
    }
    return recordPayment(tx, r, route.accountId, now);
  });
}
