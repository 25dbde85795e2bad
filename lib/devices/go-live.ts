import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/tx";

/**
 * "A real notifier has been configured at least once" — the fact that ends demo
 * mode for good. It is stored, not derived from the devices there are now:
 * otherwise disabling or deleting the last phone (or removing NOTIFY_SECRET)
 * would bring back the 模拟付款 button, and with it free unlocks for anyone.
 */
export const NOTIFIER_CONFIGURED_KEY = "notifier_configured_at";

/** Idempotent; the first write wins, so the stored time is the go-live time. */
export async function markNotifierConfigured(now = new Date()): Promise<void> {
  const existing = await db().setting.findUnique({ where: { key: NOTIFIER_CONFIGURED_KEY }, select: { key: true } });
  if (existing) return;
  try {
    await db().setting.create({ data: { key: NOTIFIER_CONFIGURED_KEY, value: now.toISOString() } });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e; // another request recorded it first
  }
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
