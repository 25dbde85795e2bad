import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import type { Protocol } from "@/lib/protocols";
import { SECRET_ADVICE, secretProblem } from "@/lib/secret-strength";
import { syncBootstrapDevices } from "@/lib/devices/registry";
import { markNotifierConfigured } from "@/lib/devices/go-live";
import { isOnline, lastSeen } from "@/lib/devices/health";
import { deviceSetup, type DeviceSetup } from "@/lib/devices/setup";

/**
 * Owner-managed notifier devices. Secrets are generated here (or brought by the owner, e.g. the
 * key an existing V免签 phone is already set up with, if it is strong enough), returned once
 * (create / rotate) and never listed again. The demo device is not a device
 * the owner has, so it is never listed; the env-secret devices are listed but
 * managed by the environment.
 */
function newSecret(protocol: Protocol): string {
  if (protocol === "native") return `whsec_${randomBytes(24).toString("base64")}`;
  // V免签 puts the key in a "host/key" string and SmsForwarder in a form field: keep them URL-safe.
  if (protocol === "vmq") return randomBytes(16).toString("hex");
  return randomBytes(24).toString("base64url");
}

const listSelect = {
  id: true,
  name: true,
  protocol: true,
  kind: true,
  enabled: true,
  accountId: true,
  lastHeartbeatAt: true,
  lastNotificationAt: true,
  createdAt: true,
} as const;

export async function listDevices(now = new Date()) {
  await syncBootstrapDevices();
  const rows = await db().device.findMany({ where: { kind: { not: "demo" } }, select: listSelect, orderBy: { createdAt: "asc" } });
  return rows.map((d) => ({ ...d, lastSeenAt: lastSeen(d), online: isOnline(d, now) }));
}

export type DeviceListItem = Awaited<ReturnType<typeof listDevices>>[number];

/** What create and rotate answer, once: the secret and the app's ready-made setup for it. */
export interface IssuedSecret {
  device: { id: string; name: string; protocol: string; kind: string; enabled: boolean; createdAt: Date };
  secret: string;
  setup: DeviceSetup;
}

/** `origin` is the site's public origin, for the setup's URLs. */
export async function createDevice(
  input: { name: string; protocol: Protocol; secret?: string; accountId?: string | null },
  origin: string,
): Promise<IssuedSecret> {
  const accountId = await checkAccount(input.accountId);
  const secret = input.secret ?? newSecret(input.protocol);
  const problem = secretProblem(input.protocol, secret);
  if (problem) throw new AppError("invalid_input", `密钥太弱：${problem}。请${SECRET_ADVICE}。`);
  const device = await db().device.create({
    data: { id: `dev_${newId(9)}`, name: input.name, protocol: input.protocol, secret, kind: "normal", accountId },
    select: listSelect,
  });
  await markNotifierConfigured();
  return { device, secret, setup: deviceSetup(origin, device, secret) };
}

async function requireManaged(id: string) {
  const d = await db().device.findUnique({ where: { id }, select: { id: true, kind: true, protocol: true } });
  if (!d || d.kind === "demo") throw new AppError("not_found", "找不到这个设备。");
  if (d.kind === "bootstrap") {
    throw new AppError("conflict", "这个设备由环境变量（NOTIFY_SECRET / SMSFORWARDER_SECRET / VMQ_KEY）管理：请修改或删除该变量后重启。");
  }
  return d;
}

export async function rotateSecret(id: string, origin: string): Promise<IssuedSecret> {
  const current = await requireManaged(id);
  const secret = newSecret(current.protocol as Protocol);
  const device = await db().device.update({ where: { id }, data: { secret }, select: listSelect });
  return { device, secret, setup: deviceSetup(origin, device, secret) };
}

/**
 * A phone's account may change at any time: matching reads it per notification, and orders keep the
 * account they were given, so a payment already on its way is matched by the account the phone names now.
 */
export async function updateDevice(id: string, patch: { enabled?: boolean; name?: string; accountId?: string | null }) {
  await requireManaged(id);
  const accountId = patch.accountId === undefined ? undefined : await checkAccount(patch.accountId);
  return db().device.update({ where: { id }, data: { ...patch, accountId }, select: listSelect });
}

/**
 * Devices sit above accounts in lib/ (accounts read the phones' state), so the
 * account a phone is given is checked against the row here: null = unassigned
 * (the phone of every channel's default account).
 */
async function checkAccount(accountId: string | null | undefined): Promise<string | null> {
  if (!accountId) return null;
  const found = await db().account.findUnique({ where: { id: accountId }, select: { id: true } });
  if (!found) throw new AppError("invalid_input", "找不到所选的收款账户，请刷新页面后重新选择。");
  return found.id;
}

/** The audit log keeps the device's requests (deviceId becomes null). */
export async function deleteDevice(id: string): Promise<void> {
  await requireManaged(id);
  await db().device.delete({ where: { id } });
}
