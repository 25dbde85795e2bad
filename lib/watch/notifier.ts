import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/tx";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { isOnline, lastSeen } from "@/lib/devices/health";
import { raiseEvent } from "@/lib/alerts/raise";
import { usualGapSeconds } from "@/lib/watch/gap";

/**
 * What the worker notices without a request arriving: a phone going offline or
 * coming back (notifier.offline / notifier.online), and a phone that is online
 * but has forwarded nothing for longer than usual while readers' orders ran out
 * unpaid (notifier.silent). Each device's last known state is a Setting row,
 * changed with a compare-and-set: with two server processes watching, each
 * change is raised once, and a restart does not raise it again.
 */
const HISTORY_DAYS = 30;

type WatchedDevice = {
  id: string;
  name: string;
  enabled: boolean;
  lastHeartbeatAt: Date | null;
  lastNotificationAt: Date | null;
};

export async function watchNotifiers(now = new Date()): Promise<void> {
  if (await isDemoMode()) return;
  const devices = await db().device.findMany({
    where: { enabled: true, kind: { not: "demo" } },
    select: { id: true, name: true, enabled: true, lastHeartbeatAt: true, lastNotificationAt: true },
  });
  for (const d of devices) {
    await watchOnline(d, now);
    if (isOnline(d, now)) await watchSilence(d, now);
  }
}

/** Replaces the Setting's value if it is still `previous` (null: creates it). True when this call made the change. */
async function swap(key: string, previous: string | null, value: string): Promise<boolean> {
  if (previous === null) {
    try {
      await db().setting.create({ data: { key, value } });
      return true;
    } catch (e) {
      if (isUniqueViolation(e)) return false;
      throw e;
    }
  }
  return (await db().setting.updateMany({ where: { key, value: previous }, data: { value } })).count === 1;
}

async function watchOnline(d: WatchedDevice, now: Date): Promise<void> {
  const key = `watch:online:${d.id}`;
  const state = isOnline(d, now) ? "online" : "offline";
  const row = await db().setting.findUnique({ where: { key }, select: { value: true } });
  const next = JSON.stringify({ state, since: now.toISOString() });
  if (!row) {
    // First sight: remember the state without an alert (a phone never seen is not "offline").
    if (lastSeen(d)) await swap(key, null, next);
    return;
  }
  const prev = JSON.parse(row.value) as { state: string; since: string };
  if (prev.state === state || !(await swap(key, row.value, next))) return;
  if (state === "offline") {
    await raiseEvent(db(), "notifier.offline", { deviceId: d.id, name: d.name, lastSeenAt: lastSeen(d)?.toISOString() ?? null }, now);
  } else {
    await raiseEvent(db(), "notifier.online", { deviceId: d.id, name: d.name, offlineSince: prev.since }, now);
  }
}

async function watchSilence(d: WatchedDevice, now: Date): Promise<void> {
  const last = d.lastNotificationAt;
  if (!last) return;
  const key = `watch:silent:${d.id}`;
  const row = await db().setting.findUnique({ where: { key }, select: { value: true } });
  if (row?.value === last.toISOString()) return; // already alerted for this silence
  const history = await db().notification.findMany({
    where: {
      deviceId: d.id,
      verifyResult: "ok",
      outcome: { notIn: ["heartbeat", "rejected"] },
      receivedAt: { gte: new Date(now.getTime() - HISTORY_DAYS * 24 * 3600_000) },
    },
    select: { receivedAt: true },
    orderBy: { receivedAt: "desc" },
    take: 5000,
  });
  const usual = usualGapSeconds(history.map((h) => h.receivedAt));
  if (usual === null || now.getTime() - last.getTime() <= usual * 1000) return;
  // Only a silence that cost something: readers ordered since and their orders ran out unpaid.
  const unpaidOrders = await db().order.count({
    where: { createdAt: { gt: last }, status: { not: "paid" }, expiresAt: { lt: now } },
  });
  if (unpaidOrders === 0) return;
  if (!(await swap(key, row?.value ?? null, last.toISOString()))) return;
  await raiseEvent(
    db(),
    "notifier.silent",
    { deviceId: d.id, name: d.name, lastPaymentNotificationAt: last.toISOString(), usualGapSeconds: usual, unpaidOrders },
    now,
  );
}
