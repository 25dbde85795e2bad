import { db } from "@/lib/db/client";
import { enqueueOnce } from "@/lib/jobs/queue";
import { PermanentJobError, type Handlers } from "@/lib/jobs/runner";
import { FANOUT_JOB } from "@/lib/alerts/raise";
import { describeEvent, type AlertMessage } from "@/lib/alerts/message";
import { sendAlert } from "@/lib/alerts/send";
import type { AlertEvent } from "@/lib/alerts/events";
import type { AlertKind } from "@/lib/alerts/kinds";

/**
 * The worker's side of alerts. An event job fans out into one delivery job per
 * alert that wants it (keyed by event and alert, so a fan-out that runs twice
 * queues nothing twice); each delivery retries on its own with backoff and
 * records its outcome on the alert for the admin page.
 */
export const DELIVER_JOB = "alert.deliver";

export const alertHandlers: Handlers = {
  [FANOUT_JOB]: async (payload) => {
    const event = payload as AlertEvent;
    const alerts = await db().alert.findMany({ where: { enabled: true, events: { contains: `"${event.type}"` } }, select: { id: true } });
    for (const a of alerts) {
      await enqueueOnce(DELIVER_JOB, { alertId: a.id, event }, { key: `deliver:${event.id}:${a.id}`, ref: a.id });
    }
  },
  [DELIVER_JOB]: async (payload) => {
    const { alertId, event } = payload as { alertId: string; event: AlertEvent };
    const alert = await db().alert.findUnique({ where: { id: alertId } });
    if (!alert) throw new PermanentJobError("这个提醒已被删除。");
    if (!alert.enabled) return;
    await deliver(alert, describeEvent(event), event);
  },
};

type AlertRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["alert"]["findUnique"]>>>;

/** Sends and records the outcome on the alert (last sent / last error); rethrows a failure. */
export async function deliver(alert: AlertRow, message: AlertMessage, event: AlertEvent): Promise<void> {
  try {
    await sendAlert(alert.kind as AlertKind, JSON.parse(alert.config) as Record<string, unknown>, message, event, {
      allowPrivate: alert.allowPrivate,
    });
  } catch (e) {
    const lastError = (e as Error).message.slice(0, 500);
    await db().alert.updateMany({ where: { id: alert.id }, data: { lastError, lastErrorAt: new Date() } });
    throw e;
  }
  await db().alert.updateMany({ where: { id: alert.id }, data: { lastSentAt: new Date(), lastError: null, lastErrorAt: null } });
}
