import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { syncBootstrapDevice } from "@/lib/notify/devices";
import { markNotifierConfigured } from "@/lib/notify/go-live";
import type { NotifierProtocol } from "@/lib/notify/device-setup";

/**
 * Owner-managed notifier devices. Secrets are generated here, returned once
 * (create / rotate) and never listed again. The demo device is not a device
 * the owner has, so it is never listed; the NOTIFY_SECRET device is listed but
 * managed by the environment.
 */
export const PROTOCOLS = ["native", "smsforwarder", "vmq"] as const;

export function newSecret(protocol: NotifierProtocol): string {
  if (protocol === "native") return `whsec_${randomBytes(24).toString("base64")}`;
  // V免签 puts the key in a "host/key" string and SmsForwarder in a form field: keep them URL-safe.
  if (protocol === "vmq") return randomBytes(16).toString("hex");
  return randomBytes(24).toString("base64url");
}

const listSelect = {
  id: true, name: true, protocol: true, kind: true, enabled: true, lastHeartbeatAt: true, lastNotificationAt: true, createdAt: true,
} as const;

export async function listDevices(now = new Date()) {
  await syncBootstrapDevice();
  const after = config().NOTIFIER_OFFLINE_AFTER_SECONDS * 1000;
  const rows = await db().device.findMany({ where: { kind: { not: "demo" } }, select: listSelect, orderBy: { createdAt: "asc" } });
  return rows.map((d) => {
    const last = Math.max(d.lastHeartbeatAt?.getTime() ?? 0, d.lastNotificationAt?.getTime() ?? 0);
    return { ...d, lastSeenAt: last ? new Date(last) : null, online: d.enabled && last > 0 && now.getTime() - last <= after };
  });
}

export async function createDevice(input: { name: string; protocol: NotifierProtocol }) {
  const secret = newSecret(input.protocol);
  const device = await db().device.create({
    data: { id: `dev_${newId(9)}`, name: input.name, protocol: input.protocol, secret, kind: "normal" },
    select: listSelect,
  });
  await markNotifierConfigured();
  return { device, secret };
}

async function requireManaged(id: string) {
  const d = await db().device.findUnique({ where: { id }, select: { id: true, kind: true } });
  if (!d || d.kind === "demo") throw new AppError("not_found", "找不到这个设备。");
  if (d.kind === "bootstrap") {
    throw new AppError("conflict", "这个设备由环境变量 NOTIFY_SECRET 管理：请修改或删除该变量后重启。");
  }
  return d;
}

export async function rotateSecret(id: string) {
  await requireManaged(id);
  const current = await db().device.findUniqueOrThrow({ where: { id }, select: { protocol: true } });
  const secret = newSecret(current.protocol as NotifierProtocol);
  const device = await db().device.update({ where: { id }, data: { secret }, select: listSelect });
  return { device, secret };
}

export async function updateDevice(id: string, patch: { enabled?: boolean; name?: string }) {
  await requireManaged(id);
  return db().device.update({ where: { id }, data: patch, select: listSelect });
}

/** The audit log keeps the device's requests (deviceId becomes null). */
export async function deleteDevice(id: string): Promise<void> {
  await requireManaged(id);
  await db().device.delete({ where: { id } });
}
