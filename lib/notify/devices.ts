import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { config, truthy, type Config } from "@/lib/config";
import { markNotifierConfigured, notifierEverConfigured } from "@/lib/notify/go-live";

/**
 * Notifier devices. Each protocol's env secret (NOTIFY_SECRET, SMSFORWARDER_SECRET, VMQ_KEY)
 * makes a "bootstrap" device (one phone, no admin clicks; the native one accepts any deviceid).
 * More devices come from the admin as Device rows with their own secret and protocol. Until a
 * real notifier has ever been configured the site runs in demo mode: a "demo" device whose
 * secret the server uses to sign the 模拟付款 button's requests. Leaving demo mode is one-way
 * (see go-live.ts): disabling or deleting the last device must not bring free unlocks back.
 */
export const BOOTSTRAP_DEVICE_ID = "default";
export const DEMO_DEVICE_ID = "demo";

export type Protocol = "native" | "smsforwarder" | "vmq";
const BOOTSTRAP: Record<Protocol, { id: string; name: string; secret: (c: Config) => string | undefined }> = {
  native: { id: BOOTSTRAP_DEVICE_ID, name: "默认设备（NOTIFY_SECRET）", secret: (c) => c.NOTIFY_SECRET },
  smsforwarder: { id: "smsforwarder", name: "SmsForwarder（SMSFORWARDER_SECRET）", secret: (c) => c.SMSFORWARDER_SECRET },
  vmq: { id: "vmq", name: "V免签（VMQ_KEY）", secret: (c) => c.VMQ_KEY },
};

export type DeviceRow = Awaited<ReturnType<ReturnType<typeof db>["device"]["findFirst"]>> & {};

/** Creates or updates the bootstrap devices from the env secrets; idempotent, cheap to call per request. */
export async function syncBootstrapDevice(): Promise<void> {
  const c = config();
  for (const [protocol, b] of Object.entries(BOOTSTRAP) as [Protocol, (typeof BOOTSTRAP)[Protocol]][]) {
    const secret = b.secret(c);
    if (!secret) continue;
    const existing = await db().device.findUnique({ where: { id: b.id } });
    if (existing && existing.secret === secret && existing.enabled && existing.protocol === protocol) continue;
    await db().device.upsert({
      where: { id: b.id },
      create: { id: b.id, name: b.name, secret, protocol, kind: "bootstrap" },
      update: { secret, protocol, enabled: true },
    });
    await markNotifierConfigured();
  }
}

/** Enabled devices of one protocol that may have signed a request, `preferred` ids first. */
export async function devicesFor(protocol: Protocol, preferred: (string | null | undefined)[] = []): Promise<DeviceRow[]> {
  await syncBootstrapDevice();
  // Bounded: each candidate costs one HMAC; an owner has a handful of phones, not hundreds.
  const rows = await db().device.findMany({ where: { protocol, enabled: true, kind: { not: "demo" } }, orderBy: { createdAt: "asc" }, take: 50 });
  const rank = (id: string) => (preferred.includes(id) ? preferred.indexOf(id) : preferred.length);
  return rows.sort((a, b) => rank(a.id) - rank(b.id));
}

/** Demo mode: no real notifier was ever configured (env secret or device), and not switched off. */
export async function isDemoMode(): Promise<boolean> {
  const c = config();
  if (truthy(c.DISABLE_DEMO)) return false;
  if (c.NOTIFY_SECRET || c.SMSFORWARDER_SECRET || c.VMQ_KEY) {
    await syncBootstrapDevice(); // records the go-live, so removing the env later keeps demo off
    return false;
  }
  return !(await notifierEverConfigured());
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
  const demo = await isDemoMode(); // also syncs the bootstrap devices from the env secrets

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
