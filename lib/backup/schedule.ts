import { hostname } from "node:os";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { enqueueOnce } from "@/lib/jobs/queue";
import type { Handlers } from "@/lib/jobs/runner";
import { raiseEvent } from "@/lib/alerts/raise";
import type { EventData } from "@/lib/alerts/events";
import { dueDay, isOverdue } from "./rules";
import { runBackup } from "./run";

/**
 * The daily backup and its alarm, driven by the background worker (lib/worker/start.ts).
 * Both are jobs keyed by day (or by the last success), so with several server processes
 * the backup runs once and the owner hears once: the job queue's unique key decides.
 */
export const DAILY_JOB = "backup.daily";
export const OVERDUE_JOB = "backup.overdue";
const DAILY_ATTEMPTS = 3;

export const backupHandlers: Handlers = {
  async [DAILY_JOB](_payload, job) {
    // Every attempt is a Backup row the admin lists; the owner is alerted when the last one fails.
    await runBackup("daily", new Date(), { alert: job.attempts >= DAILY_ATTEMPTS });
  },
  async [OVERDUE_JOB](payload) {
    await raiseEvent(db(), "backup.failed", payload as EventData["backup.failed"]);
  },
};

const startedAt = new Date();

/** Queues today's backup once its time has come, and the overdue alarm once per spell without a success. */
export async function watchBackups(now = new Date()): Promise<void> {
  const time = config().BACKUP_TIME;
  const day = dueDay(now, time);
  if (day) await queueOnce(DAILY_JOB, {}, `${DAILY_JOB}:${day}`, DAILY_ATTEMPTS);
  const { last, overdue } = await overdueState(now);
  if (!overdue) return;
  const data: EventData["backup.failed"] = {
    reason: "overdue",
    trigger: null,
    error: null,
    lastSuccessAt: last?.startedAt.toISOString() ?? null,
    host: hostname(),
  };
  await queueOnce(OVERDUE_JOB, data, `${OVERDUE_JOB}:${last?.id ?? "never"}`, 3);
}

/**
 * The last successful backup and whether the site has gone too long without one — counted from the first backup
 * ever tried, or from this process's start when there is none. The alarm and the admin's 备份 page both ask here.
 */
export async function overdueState(now = new Date()) {
  const last = await db().backup.findFirst({
    where: { status: "done" },
    orderBy: { startedAt: "desc" },
    select: { id: true, startedAt: true },
  });
  const first = last ? null : await db().backup.findFirst({ orderBy: { startedAt: "asc" }, select: { startedAt: true } });
  return { last, overdue: isOverdue(last?.startedAt ?? null, first?.startedAt ?? startedAt, now, config().BACKUP_TIME) };
}

async function queueOnce(kind: string, payload: unknown, key: string, maxAttempts: number): Promise<void> {
  // Looked up first: the insert's unique violation would otherwise be logged by PostgreSQL every minute.
  if (await db().job.findUnique({ where: { key }, select: { id: true } })) return;
  await enqueueOnce(kind, payload, { key, maxAttempts, ref: "backup" });
}
