import type { Tx } from "@/lib/db/client";
import { databaseKind } from "@/lib/config";
import type { Channel } from "@/lib/channels";
import { timing } from "@/lib/orders/policy";
import { cancelPatch } from "@/lib/orders/rules";

/**
 * Cancels a pending order inside the caller's transaction (rules.ts cancelPatch): it keeps
 * its slot for the late-grace window, since the reader may have paid a moment before.
 * Returns the status it found, so callers can refuse to cancel a paid order.
 */
export async function cancelInTx(tx: Tx, orderId: string, now: Date): Promise<string> {
  const o = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { status: true, expiresAt: true, openSlot: true, slotHeldUntil: true },
  });
  const patch = cancelPatch(o, now, timing());
  if (patch) await tx.order.updateMany({ where: { id: orderId, status: "pending" }, data: patch });
  return o.status;
}

/**
 * Releases slots whose hold has run out (expired/cancelled orders past the
 * late-grace window, paid orders past the echo window) so the unique index
 * lets a new order take them, and writes "expired" onto pending orders past
 * their deadline.
 */
export async function releaseStaleSlots(tx: Tx, channel: Channel, now: Date): Promise<void> {
  await tx.order.updateMany({
    where: { channel, openSlot: { not: null }, slotHeldUntil: { lte: now }, status: "pending" },
    data: { openSlot: null, readerOpenKey: null, status: "expired" },
  });
  await tx.order.updateMany({
    where: { channel, openSlot: { not: null }, slotHeldUntil: { lte: now } },
    data: { openSlot: null },
  });
}

/**
 * PostgreSQL only: serialise slot taking on one channel across all server
 * processes until this transaction ends. Not needed for correctness (the
 * unique index is), but it turns a thundering herd into a short queue.
 */
export async function lockChannel(tx: Tx, channel: Channel): Promise<void> {
  if (databaseKind() !== "postgres") return;
  await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext($1))) AS l`, `paywall-slot:${channel}`);
}

/**
 * PostgreSQL only: serialise slot taking from one client address across channels
 * (the channel lock serialises them within a channel), so concurrent requests
 * cannot overshoot ORDER_MAX_HELD_PER_IP. Always taken after the channel lock,
 * and nothing waits for a channel lock while holding it, so no deadlock.
 */
export async function lockAddress(tx: Tx, address: string): Promise<void> {
  if (databaseKind() !== "postgres") return;
  await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext($1))) AS l`, `paywall-address:${address}`);
}

/** Slot keys ("channel:account:amount") currently held on a channel (pending, within grace, or paid within the echo window). */
export async function takenSlots(tx: Tx, channel: Channel): Promise<Set<string>> {
  const rows = await tx.order.findMany({
    where: { channel, openSlot: { not: null } },
    select: { openSlot: true },
  });
  return new Set(rows.map((r) => r.openSlot!));
}

/**
 * Seconds until the earliest held slot among `slots` (keys) is released for sure
 * (for Retry-After). Slots can also come back sooner — never later.
 */
export async function secondsUntilNextFree(tx: Tx, slots: string[], now: Date): Promise<number> {
  const next = await tx.order.findFirst({
    where: { openSlot: { in: slots } },
    orderBy: [{ slotHeldUntil: "asc" }],
    select: { slotHeldUntil: true },
  });
  if (!next) return 5;
  return Math.max(1, Math.ceil((next.slotHeldUntil.getTime() - now.getTime()) / 1000));
}
