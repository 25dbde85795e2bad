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
import { withTx } from "@/lib/db/tx";
import { CHANNEL_LABEL, CHANNELS, type Channel } from "@/lib/channels";
import { asDeviceRole } from "@/lib/devices/roles";
import { assignmentsOf, type AssignInput, type Assignment } from "@/lib/devices/assign-schema";

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
  accounts: { select: { role: true, account: { select: { id: true, name: true, channel: true } } } },
  lastHeartbeatAt: true,
  lastNotificationAt: true,
  createdAt: true,
} as const;

export async function listDevices(now = new Date()) {
  await syncBootstrapDevices();
  const rows = await db().device.findMany({ where: { kind: { not: "demo" } }, select: listSelect, orderBy: { createdAt: "asc" } });
  return rows.map(view(now));
}

/** A device row as the admin lists it: its accounts with the role on each (none = every channel's default account). */
const view =
  (now: Date) =>
  ({ accounts, ...d }: Awaited<ReturnType<typeof loadOne>>) => ({
    ...d,
    accounts: accounts
      .map((l) => ({ ...l.account, channel: l.account.channel as Channel, role: asDeviceRole(l.role) }))
      .sort((a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel)),
    lastSeenAt: lastSeen(d),
    online: isOnline(d, now),
  });

const loadOne = (id: string) => db().device.findUniqueOrThrow({ where: { id }, select: listSelect });

export type DeviceListItem = Awaited<ReturnType<typeof listDevices>>[number];

/** What create and rotate answer, once: the secret and the app's ready-made setup for it. */
export interface IssuedSecret {
  device: { id: string; name: string; protocol: string; kind: string; enabled: boolean; createdAt: Date };
  secret: string;
  setup: DeviceSetup;
}

/** `origin` is the site's public origin, for the setup's URLs. */
export async function createDevice(
  input: { name: string; protocol: Protocol; secret?: string } & AssignInput,
  origin: string,
): Promise<IssuedSecret> {
  const links = await checkAssignments(assignmentsOf(input).list ?? []);
  const secret = input.secret ?? newSecret(input.protocol);
  const problem = secretProblem(input.protocol, secret);
  if (problem) throw new AppError("invalid_input", `密钥太弱：${problem}。请${SECRET_ADVICE}。`);
  const id = `dev_${newId(9)}`;
  await db().device.create({
    data: { id, name: input.name, protocol: input.protocol, secret, kind: "normal", accounts: { create: links.map(toLink) } },
  });
  await markNotifierConfigured();
  const device = view(new Date())(await loadOne(id));
  return { device, secret, setup: deviceSetup(origin, device, secret) };
}

const toLink = (a: Assignment) => ({ accountId: a.id, role: a.role });

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
  await db().device.update({ where: { id }, data: { secret } });
  const device = view(new Date())(await loadOne(id));
  return { device, secret, setup: deviceSetup(origin, device, secret) };
}

/**
 * A phone's accounts and roles may change at any time: matching reads them per notification, and
 * orders keep the account they were given, so a payment already on its way is matched by the
 * accounts the phone names now. `role` alone changes the role on every account the phone has.
 */
export async function updateDevice(id: string, patch: { enabled?: boolean; name?: string } & AssignInput) {
  await requireManaged(id);
  const { list, role } = assignmentsOf(patch);
  const links = list ? await checkAssignments(list) : undefined;
  await withTx(async (tx) => {
    await tx.device.update({ where: { id }, data: { enabled: patch.enabled, name: patch.name } });
    if (links) {
      await tx.deviceAccount.deleteMany({ where: { deviceId: id } });
      if (links.length) await tx.deviceAccount.createMany({ data: links.map((l) => ({ deviceId: id, ...toLink(l) })) });
    } else if (role) {
      if ((await tx.deviceAccount.count({ where: { deviceId: id } })) === 0) {
        throw new AppError("invalid_input", "请先为这台手机指定收款账户，再设为主手机或备用。");
      }
      await tx.deviceAccount.updateMany({ where: { deviceId: id }, data: { role } });
    }
  });
  return view(new Date())(await loadOne(id));
}

/**
 * Devices sit above accounts in lib/ (accounts read the phones' state), so the accounts a
 * phone is given are checked against the rows here: each must exist, and one per channel
 * (a receipt must name one account: lib/accounts/rules.ts).
 */
async function checkAssignments(list: Assignment[]): Promise<Assignment[]> {
  if (list.length === 0) return [];
  const ids = [...new Set(list.map((a) => a.id))];
  const rows = await db().account.findMany({ where: { id: { in: ids } }, select: { id: true, channel: true } });
  if (rows.length !== ids.length) throw new AppError("invalid_input", "找不到所选的收款账户，请刷新页面后重新选择。");
  const channels = rows.map((r) => r.channel as Channel);
  const twice = channels.find((c, i) => channels.indexOf(c) !== i);
  if (twice || ids.length !== list.length) {
    throw new AppError(
      "invalid_input",
      `一台手机每个渠道只能代表一个收款账户（${twice ? CHANNEL_LABEL[twice] : "同一账户"}选了两次）：一笔收款必须能对上一个账户。`,
    );
  }
  return list;
}

/** The audit log keeps the device's requests (deviceId becomes null). */
export async function deleteDevice(id: string): Promise<void> {
  await requireManaged(id);
  await db().device.delete({ where: { id } });
}
