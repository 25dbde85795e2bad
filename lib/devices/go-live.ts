import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { isUniqueViolation, withTx } from "@/lib/db/tx";
import { databaseKind } from "@/lib/config";

/**
 * "A real notifier has been configured at least once" — the fact that ends demo
 * mode for good. It is stored, not derived from the devices there are now:
 * otherwise disabling or deleting the last phone (or removing NOTIFY_SECRET)
 * would bring back the 模拟付款 button, and with it free unlocks for anyone.
 */
export const NOTIFIER_CONFIGURED_KEY = "notifier_configured_at";

/**
 * PostgreSQL only: serialises going live with demo payments across processes
 * (settle.ts takes it before a demo payment), so a demo payment either commits
 * before the go-live (and is revoked by it) or sees the go-live and is refused.
 * SQLite serialises writers anyway.
 */
export async function lockDemoSwitch(tx: Tx): Promise<void> {
  if (databaseKind() !== "postgres") return;
  await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext($1))) AS l`, "paywall-demo-switch");
}

export async function isLiveInTx(tx: Tx): Promise<boolean> {
  return !!(await tx.setting.findUnique({ where: { key: NOTIFIER_CONFIGURED_KEY }, select: { key: true } }));
}

/**
 * Goes live: records the time (the first write wins) and, in the same
 * transaction, undoes what demo mode let anyone do — the unlocks demo payments
 * made are deleted, demo orders let go of their amounts (a real payment of that
 * amount must not settle a demo order) and the demo device stops verifying.
 * One transaction behind the record's unique key: it happens exactly once,
 * whichever process or request gets there first.
 */
export async function markNotifierConfigured(now = new Date()): Promise<void> {
  if (await db().setting.findUnique({ where: { key: NOTIFIER_CONFIGURED_KEY }, select: { key: true } })) return;
  try {
    await withTx(async (tx) => {
      await lockDemoSwitch(tx);
      if (await isLiveInTx(tx)) return;
      await tx.setting.create({ data: { key: NOTIFIER_CONFIGURED_KEY, value: now.toISOString() } });
      await revokeDemo(tx, now);
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e; // another process went live first, and revoked
  }
}

async function revokeDemo(tx: Tx, now: Date): Promise<void> {
  await tx.entitlement.deleteMany({ where: { demo: true } });
  const demoOrder = { qrCode: { demo: true }, openSlot: { not: null } };
  await tx.order.updateMany({
    where: { ...demoOrder, status: "pending" },
    data: { status: "expired", openSlot: null, readerOpenKey: null, slotHeldUntil: now },
  });
  await tx.order.updateMany({ where: demoOrder, data: { openSlot: null, slotHeldUntil: now } });
  await tx.device.updateMany({ where: { kind: "demo" }, data: { enabled: false } });
}

/**
 * Read only. Databases from before the flag existed have no record but a real
 * device row, which is proof enough (the record is written at the next start).
 */
export async function notifierEverConfigured(): Promise<boolean> {
  if (await db().setting.findUnique({ where: { key: NOTIFIER_CONFIGURED_KEY }, select: { key: true } })) return true;
  return (await db().device.count({ where: { kind: { not: "demo" } } })) > 0;
}

/** At start: the legacy case above gets its record, so deleting that device later keeps demo mode off. */
export async function recordLegacyGoLive(): Promise<void> {
  if (await notifierEverConfigured()) await markNotifierConfigured();
}
