import { config, truthy } from "@/lib/config";
import { runDueJobs, type Handlers } from "@/lib/jobs/runner";
import { pruneJobs } from "@/lib/jobs/queue";
import { alertHandlers } from "@/lib/alerts/deliver";
import { gatewayHandlers } from "@/lib/gateway/notify-job";
import { backupHandlers, watchBackups } from "@/lib/backup/schedule";
import { watchNotifiers } from "@/lib/watch/notifier";
import { pruneSessions } from "@/lib/auth/sessions";
import { pruneLoginFailures } from "@/lib/auth/login-limit";
import { onShutdown } from "@/lib/ops/lifecycle";
import { isStopping, markStarting, stopWorker, trackedRound } from "@/lib/worker/liveness";

/**
 * The background worker, started in every server process (instrumentation.ts):
 * every few seconds it runs due jobs (alert deliveries, merchant notifies, the daily backup),
 * every 15 s it watches the phones, every minute whether a backup is due or overdue, every
 * hour it prunes. Several processes may run it at once — jobs are leased and watch state
 * changes are compare-and-set, so nothing is done twice. RUN_WORKER=0 turns it off in a
 * process. On shutdown it takes no new job, lets the running one finish (or gives its lease
 * back) and stops (lib/worker/liveness.ts, which also tells readiness how it is doing).
 */
export const handlers: Handlers = { ...alertHandlers, ...gatewayHandlers, ...backupHandlers };

const TICK_MS = 3000;
const WATCH_MS = 15_000;
const BACKUP_WATCH_MS = 60_000;
const PRUNE_MS = 3600_000;
let last = { watch: 0, backup: 0, prune: 0 };

/** One round of the worker's duties; tests call it directly. */
export async function workerTick(now = new Date()): Promise<void> {
  await runDueJobs(handlers, { now, stop: isStopping });
  if (isStopping()) return;
  if (now.getTime() - last.watch >= WATCH_MS) {
    last = { ...last, watch: now.getTime() };
    await watchNotifiers(now);
  }
  if (now.getTime() - last.backup >= BACKUP_WATCH_MS) {
    last = { ...last, backup: now.getTime() };
    await watchBackups(now);
  }
  if (now.getTime() - last.prune >= PRUNE_MS) {
    last = { ...last, prune: now.getTime() };
    await Promise.all([pruneJobs(now), pruneSessions(now), pruneLoginFailures(now)]);
  }
}

export function startWorker(): void {
  if (!markStarting(truthy(config().RUN_WORKER))) return;
  const loop = async () => {
    if (isStopping()) return;
    await trackedRound(() => workerTick());
    if (!isStopping()) setTimeout(loop, TICK_MS).unref();
  };
  setTimeout(loop, TICK_MS).unref();
  onShutdown("worker", "background worker", stopWorker);
}
