import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { config, type Config } from "@/lib/config";
import type { Protocol } from "@/lib/protocols";
import { markNotifierConfigured } from "@/lib/devices/go-live";
import { registerCache } from "@/lib/process-caches";

/**
 * Notifier devices. Each protocol's env secret (NOTIFY_SECRET, SMSFORWARDER_SECRET, VMQ_KEY)
 * makes a "bootstrap" device (one phone, no admin clicks; the native one accepts any deviceid).
 * More devices come from the admin as Device rows with their own secret and protocol. The
 * "demo" device signs the 模拟付款 button's requests while the site is in demo mode
 * (demo-mode.ts); it is never listed and never counts as a phone.
 */
export const BOOTSTRAP_DEVICE_ID = "default";
export const DEMO_DEVICE_ID = "demo";

const BOOTSTRAP: Record<Protocol, { id: string; name: string; secret: (c: Config) => string | undefined }> = {
  native: { id: BOOTSTRAP_DEVICE_ID, name: "默认设备（NOTIFY_SECRET）", secret: (c) => c.NOTIFY_SECRET },
  smsforwarder: { id: "smsforwarder", name: "SmsForwarder（SMSFORWARDER_SECRET）", secret: (c) => c.SMSFORWARDER_SECRET },
  vmq: { id: "vmq", name: "V免签（VMQ_KEY）", secret: (c) => c.VMQ_KEY },
};

export type DeviceRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["device"]["findFirst"]>>>;

/** True when any protocol's secret is set in the environment. */
export function envNotifierConfigured(c: Config = config()): boolean {
  return Object.values(BOOTSTRAP).some((b) => !!b.secret(c));
}

let synced: { key: string; done: Promise<void> } | undefined;

/**
 * Creates or updates the bootstrap devices from the env secrets and records the go-live.
 * Runs once per process for a given set of secrets (at start, and again only when the
 * environment changed — tests do that), so no request pays for it twice.
 */
export function syncBootstrapDevices(): Promise<void> {
  const c = config();
  const key = JSON.stringify(Object.values(BOOTSTRAP).map((b) => b.secret(c) ?? null));
  if (synced?.key !== key) {
    const done = writeBootstrapDevices(c).catch((e) => {
      synced = undefined; // try again on the next call
      throw e;
    });
    synced = { key, done };
  }
  return synced.done;
}

/** For tests that empty the database between cases: the next call writes the devices again. */
export function forgetBootstrapSync(): void {
  synced = undefined;
}
registerCache("bootstrap-devices", { forget: forgetBootstrapSync });

async function writeBootstrapDevices(c: Config): Promise<void> {
  for (const [protocol, b] of Object.entries(BOOTSTRAP) as [Protocol, (typeof BOOTSTRAP)[Protocol]][]) {
    const secret = b.secret(c);
    if (!secret) continue;
    const existing = await db().device.findUnique({ where: { id: b.id } });
    if (!(existing && existing.secret === secret && existing.enabled && existing.protocol === protocol)) {
      await db().device.upsert({
        where: { id: b.id },
        create: { id: b.id, name: b.name, secret, protocol, kind: "bootstrap" },
        update: { secret, protocol, enabled: true },
      });
    }
    await markNotifierConfigured();
  }
}

/** Enabled devices of one protocol that may have signed a request, `preferred` ids first. */
export async function devicesFor(protocol: Protocol, preferred: (string | null | undefined)[] = []): Promise<DeviceRow[]> {
  await syncBootstrapDevices();
  // Bounded: each candidate costs one HMAC; an owner has a handful of phones, not hundreds.
  const rows = await db().device.findMany({
    where: { protocol, enabled: true, kind: { not: "demo" } },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  const rank = (id: string) => (preferred.includes(id) ? preferred.indexOf(id) : preferred.length);
  return rows.sort((a, b) => rank(a.id) - rank(b.id));
}

/** The demo device, created on first use. Callers check demo mode first. */
export async function ensureDemoDevice(): Promise<DeviceRow> {
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  return db().device.upsert({
    where: { id: DEMO_DEVICE_ID },
    create: { id: DEMO_DEVICE_ID, name: "演示设备", secret, protocol: "native", kind: "demo" },
    update: {},
  });
}

export async function findDemoDevice(): Promise<DeviceRow | null> {
  return db().device.findUnique({ where: { id: DEMO_DEVICE_ID } });
}

export async function markSeen(deviceId: string, kind: "heartbeat" | "notification", now = new Date()): Promise<void> {
  await db().device.update({
    where: { id: deviceId },
    data: kind === "heartbeat" ? { lastHeartbeatAt: now } : { lastNotificationAt: now },
  });
}
