import { db } from "@/lib/db/client";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { registerCache } from "@/lib/process-caches";

/**
 * Is anyone forwarding payments? A reader paying into a void is the worst
 * outcome, so new orders are refused while no real phone has been heard from
 * for NOTIFIER_OFFLINE_AFTER_SECONDS (docs/design.md §3, "Notifier health").
 */
export interface SeenDevice {
  enabled: boolean;
  lastHeartbeatAt: Date | null;
  lastNotificationAt: Date | null;
}

/** The last time the device was heard from (heartbeat or notification), or null. */
export function lastSeen(d: Pick<SeenDevice, "lastHeartbeatAt" | "lastNotificationAt">): Date | null {
  const t = Math.max(d.lastHeartbeatAt?.getTime() ?? 0, d.lastNotificationAt?.getTime() ?? 0);
  return t ? new Date(t) : null;
}

/** The one online rule: enabled, and heard from within the offline threshold. */
export function isOnline(d: SeenDevice, now: Date, offlineAfterSeconds = config().NOTIFIER_OFFLINE_AFTER_SECONDS): boolean {
  const seen = lastSeen(d);
  return d.enabled && seen !== null && now.getTime() - seen.getTime() <= offlineAfterSeconds * 1000;
}

export interface NotifierHealth {
  online: boolean;
  demo: boolean;
  lastSeenAt: Date | null;
  offlineAfterSeconds: number;
}

/** Online when any enabled real device is online. Reads only. */
export async function notifierHealth(now = new Date()): Promise<NotifierHealth> {
  const offlineAfterSeconds = config().NOTIFIER_OFFLINE_AFTER_SECONDS;
  const [demo, devices] = await Promise.all([
    isDemoMode(),
    db().device.findMany({
      where: { enabled: true, kind: { not: "demo" } },
      select: { enabled: true, lastHeartbeatAt: true, lastNotificationAt: true },
    }),
  ]);
  const seen = devices.map(lastSeen).filter((d): d is Date => d !== null);
  const lastSeenAt = seen.length ? new Date(Math.max(...seen.map((d) => d.getTime()))) : null;
  const online = devices.some((d) => isOnline(d, now, offlineAfterSeconds));
  return { online, demo, lastSeenAt, offlineAfterSeconds };
}

/**
 * For GET /api/health, which monitors and load balancers may call many times a
 * second: the database ping and the notifier state are read at most once per
 * HEALTH_CACHE_MS per process and shared by every caller meanwhile (reads only,
 * never a write). Order creation does not use this: it reads the state fresh.
 */
export const HEALTH_CACHE_MS = 1_000;
const g = globalThis as unknown as { __paywallHealth?: { at: number; value: Promise<NotifierHealth> } };

export function cachedHealth(now = Date.now()): Promise<NotifierHealth> {
  const hit = g.__paywallHealth;
  if (hit && now - hit.at < HEALTH_CACHE_MS) return hit.value;
  const value = (async () => {
    await db().$queryRawUnsafe("SELECT 1");
    return notifierHealth(new Date(now));
  })();
  g.__paywallHealth = { at: now, value };
  // A failed read is not kept: the next call asks the database again.
  value.catch(() => {
    if (g.__paywallHealth?.value === value) g.__paywallHealth = undefined;
  });
  return value;
}

/** Tests empty the database between cases, which no real site does: they forget the cached answer. */
export function forgetCachedHealth(): void {
  g.__paywallHealth = undefined;
}
registerCache("notifier-health", { forget: forgetCachedHealth });

/** Phones send a heartbeat every 30 s: a reader who retries after that sees the new state. */
const HEARTBEAT_INTERVAL_SECONDS = 30;

/** Throws 503 notifier_offline unless a phone is online (or the site is in demo mode). Returns the health it read. */
export async function refuseIfNotifierOffline(now = new Date()): Promise<NotifierHealth> {
  const health = await notifierHealth(now);
  if (!health.online && !health.demo) {
    throw new AppError("notifier_offline", "收款通知暂时离线，付款可能无法自动确认。请稍后再试，或联系站长。", {
      headers: { "Retry-After": String(HEARTBEAT_INTERVAL_SECONDS) },
    });
  }
  return health;
}
