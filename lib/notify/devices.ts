import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { config, truthy } from "@/lib/config";

/**
 * Notifier devices. NOTIFY_SECRET makes a "bootstrap" device that accepts any
 * deviceid (one phone, no admin clicks). With no real notifier configured the
 * site runs in demo mode: a "demo" device whose secret the server uses to sign
 * the 模拟付款 button's requests.
 */
export const BOOTSTRAP_DEVICE_ID = "default";
export const DEMO_DEVICE_ID = "demo";

export type DeviceRow = Awaited<ReturnType<ReturnType<typeof db>["device"]["findFirst"]>> & {};

/** Creates or updates the bootstrap device from NOTIFY_SECRET; idempotent, cheap to call per request. */
export async function syncBootstrapDevice(): Promise<void> {
  const secret = config().NOTIFY_SECRET;
  if (!secret) return;
  const existing = await db().device.findUnique({ where: { id: BOOTSTRAP_DEVICE_ID } });
  if (existing && existing.secret === secret && existing.enabled) return;
  await db().device.upsert({
    where: { id: BOOTSTRAP_DEVICE_ID },
    create: { id: BOOTSTRAP_DEVICE_ID, name: "默认设备（NOTIFY_SECRET）", secret, protocol: "native", kind: "bootstrap" },
    update: { secret, enabled: true },
  });
}

/** Demo mode: no NOTIFY_SECRET, no enabled real device, and not switched off. */
export async function isDemoMode(): Promise<boolean> {
  const c = config();
  if (c.NOTIFY_SECRET || truthy(c.DISABLE_DEMO)) return false;
  const real = await db().device.count({ where: { enabled: true, kind: { not: "demo" } } });
  return real === 0;
}

/** The demo device (created on first use) — only ever returned in demo mode. */
export async function demoDevice() {
  if (!(await isDemoMode())) return null;
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  return db().device.upsert({
    where: { id: DEMO_DEVICE_ID },
    create: { id: DEMO_DEVICE_ID, name: "演示设备", secret, protocol: "native", kind: "demo" },
    update: {},
  });
}

export interface NotifierHealth {
  online: boolean;
  demo: boolean;
  lastSeenAt: Date | null;
  offlineAfterSeconds: number;
}

/** Online when any enabled real device was heard from within NOTIFIER_OFFLINE_AFTER_SECONDS. */
export async function notifierHealth(now = new Date()): Promise<NotifierHealth> {
  await syncBootstrapDevice();
  const demo = await isDemoMode();
  const offlineAfterSeconds = config().NOTIFIER_OFFLINE_AFTER_SECONDS;
  const devices = await db().device.findMany({
    where: { enabled: true, kind: { not: "demo" } },
    select: { lastHeartbeatAt: true, lastNotificationAt: true },
  });
  let last = 0;
  for (const d of devices) {
    last = Math.max(last, d.lastHeartbeatAt?.getTime() ?? 0, d.lastNotificationAt?.getTime() ?? 0);
  }
  const online = last > 0 && now.getTime() - last <= offlineAfterSeconds * 1000;
  return { online, demo, lastSeenAt: last ? new Date(last) : null, offlineAfterSeconds };
}

export async function markSeen(deviceId: string, kind: "heartbeat" | "notification", now = new Date()): Promise<void> {
  await db().device.update({
    where: { id: deviceId },
    data: kind === "heartbeat" ? { lastHeartbeatAt: now } : { lastNotificationAt: now },
  });
}
