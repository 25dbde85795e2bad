import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { readerOpenKey, targetColumns, type OrderTarget } from "@/lib/targets";
import { alreadyUnlocked, ownsTarget } from "@/lib/entitlements/check";
import { reserveCouponUse } from "@/lib/coupons/apply";
import type { Channel } from "@/lib/channels";
import { pickFree, slotKey, type SlotPlan } from "@/lib/orders/allocation";
import { heldByKey, refuseIfHoldsTooMany, type HeldBy } from "@/lib/orders/address-cap";
import { overdueOrderWhere } from "@/lib/orders/status";
import { cancelInTx, lockChannel, releaseStaleSlots, secondsUntilNextFree, takenSlots } from "@/lib/orders/slots";
import { applyCeilings, ceilingAlerts, type Ceilings } from "@/lib/orders/ceiling-gate";

export interface SlotRequest {
  target: OrderTarget;
  readerId: string;
  channel: Channel;
  listPriceCents: number;
  /** The coupon applied and what it took off (allocation starts from listPriceCents - discountCents). */
  coupon: { id: string; discountCents: number } | null;
  /** The usable (account, amount, code) triples in preference order (allocation.ts planSlots). */
  plan: SlotPlan[];
  /** The daily ceilings of the plan's accounts and codes (ceiling-gate.ts); absent: none. */
  ceilings?: Ceilings;
  /** The payee name each account shows in the reader's wallet (kept on the order for the receipt). */
  payees?: ReadonlyMap<string, string | null>;
  /** The reader's open order on the other channel, cancelled by taking this slot (it keeps its slot for grace). */
  replacing: string | null;
  /** Who the held amount counts against: the client address key (address-key.ts), or a merchant (address-cap.ts). */
  heldBy: HeldBy;
  expiresAt: Date;
  slotHeldUntil: Date;
  now: Date;
}

/**
 * The money step of order creation, run inside one transaction: the new order
 * takes the first free amount of the plan. The UNIQUE index on Order.openSlot is
 * the hold — two open orders sharing (channel, account, amount) are impossible in any
 * number of processes (the key names the receiving account too: each account
 * has its own amounts, since its phone tells us whose payment it was); a lost race surfaces as a unique violation that the caller
 * retries with fresh state. On PostgreSQL slot taking on a channel is also serialised
 * with an advisory lock (slots.ts lockChannel), so a burst of buyers queues for
 * milliseconds instead of all picking the same "first free" amount; everything
 * that decides the slot is read after that lock. No amount free → 503 busy.
 */
export async function takeSlot(tx: Tx, c: SlotRequest): Promise<string> {
  await lockChannel(tx, c.channel);
  await releaseStaleSlots(tx, c.channel, c.now);
  // The reader may have been unlocked since the caller checked (a late payment settling now).
  if (await ownsTarget(tx, c.readerId, c.target, c.now)) throw alreadyUnlocked(c.target.kind);
  // Switching channel: the old order is cancelled but keeps its slot for late payments.
  if (c.replacing) await cancelInTx(tx, c.replacing, c.now);
  await refuseIfHoldsTooMany(tx, c.heldBy, c.now);
  // The coupon's cap counts orders that can still be paid; this one will be one of them, the replaced one no longer.
  if (c.coupon) await reserveCouponUse(tx, c.coupon.id, c.readerId, c.replacing, c.now);
  // At most one open order per reader and thing sold (unique readerOpenKey): overdue ones let go of the key.
  const openKey = readerOpenKey(c.readerId, c.target);
  await tx.order.updateMany({ where: { readerOpenKey: openKey, ...overdueOrderWhere(c.now) }, data: { readerOpenKey: null } });

  // Accounts (and fixed-amount codes) at a daily ceiling are left out; none left → 503 daily_limit.
  const gated = await applyCeilings(tx, c.plan, c.ceilings, c.listPriceCents - (c.coupon?.discountCents ?? 0), c.now);
  const slot = pickFree(c.channel, gated.plan, await takenSlots(tx, c.channel));
  if (!slot) {
    const retry = await secondsUntilNextFree(
      tx,
      gated.plan.map((p) => slotKey(c.channel, p.accountId, p.amountCents)),
      c.now,
    );
    throw new AppError("busy", `当前付款人数较多，请 ${retry} 秒后再试。`, { headers: { "Retry-After": String(retry) } });
  }
  const id = newId();
  await tx.order.create({
    data: {
      id,
      ...targetColumns(c.target),
      readerId: c.readerId,
      channel: c.channel,
      listPriceCents: c.listPriceCents,
      amountCents: slot.amountCents,
      qrCodeId: slot.qrCodeId,
      accountId: slot.accountId,
      openSlot: slotKey(c.channel, slot.accountId, slot.amountCents),
      readerOpenKey: openKey,
      createdAt: c.now,
      expiresAt: c.expiresAt,
      slotHeldUntil: c.slotHeldUntil,
      clientIp: heldByKey(c.heldBy),
      couponId: c.coupon?.id ?? null,
      discountCents: c.coupon?.discountCents ?? null,
      payeeName: c.payees?.get(slot.accountId) ?? null,
    },
  });
  await ceilingAlerts(tx, slot, c.ceilings, gated, c.now);
  return id;
}
