import { config, truthy } from "@/lib/config";
import { releaseLeases, runDueJobs, type Handlers } from "@/lib/jobs/runner";
import { pruneJobs } from "@/lib/jobs/queue";
import { alertHandlers } from "@/lib/alerts/deliver";
import { gatewayHandlers } from "@/lib/gateway/notify-job";
import { backupHandlers, watchBackups } from "@/lib/backup/schedule";
import { watchNotifiers } from "@/lib/watch/notifier";
import { pruneSessions } from "@/lib/admin/sessions";
import { pruneLoginFailures } from "@/lib/admin/login-limit";
import { onShutdown } from "@/lib/ops/lifecycle";

/**
 * The background worker, started in every server process (instrumentation.ts):
 * every few seconds it runs due jobs (alert deliveries, merchant notifies, the daily backup),
 * every 15 s it watches the phones, every minute whether a backup is due or overdue, every
 * hour it prunes. Several processes may run it at once — jobs are leased and watch state
 * changes are compare-and-set, so nothing is done twice. RUN_WORKER=0 turns it off in a
 * process. On shutdown it takes no new job, lets the running one finish (or gives its lease
 * back, lib/jobs/runner.ts releaseLeases) and stops.
 */
export const handlers: Handlers = { ...alertHandlers, ...gatewayHandlers, ...backupHandlers };

const TICK_MS = 3000;
const WATCH_MS = 15_000;
const BACKUP_WATCH_MS = 60_000;
const PRUNE_MS = 3600_000;
let last = { watch: 0, backup: 0, prune: 0 };

/** What readiness (lib/ops/readiness.ts) reports about this process's worker. On globalThis: one per process. */
export interface WorkerState {
  enabled: boolean;
  running: boolean;
  stopping: boolean;
  startedAt: number | null;
  lastTickAt: number | null;
  tickStartedAt: number | null;
}
const g = globalThis as unknown as { __paywallWorker?: WorkerState; __paywallWorkerTick?: Promise<void> | null };
const state = (g.__paywallWorker ??= {
  enabled: false,
  running: false,
  stopping: false,
  startedAt: null,
  lastTickAt: null,
  tickStartedAt: null,
});

export function workerState(): Readonly<WorkerState> {
  return state;
}

/** One round of the worker's duties; tests call it directly. */
export async function workerTick(now = new Date()): Promise<void> {
  await runDueJobs(handlers, { now, stop: () => state.stopping });
  if (state.stopping) return;
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
  state.enabled = truthy(config().RUN_WORKER);
  if (state.running || !state.enabled) return;
  state.running = true;
  state.startedAt = Date.now();
  const loop = async () => {
    if (state.stopping) return;
    state.tickStartedAt = Date.now();
    const tick = workerTick().catch((e) => console.error("[worker] tick failed", e));
    g.__paywallWorkerTick = tick;
    await tick;
    g.__paywallWorkerTick = null;
    state.tickStartedAt = null;
    state.lastTickAt = Date.now();
    if (!state.stopping) setTimeout(loop, TICK_MS).unref();
  };
  setTimeout(loop, TICK_MS).unref();
  onShutdown("worker", "background worker", stopWorker);
}

/** Takes no new job; waits for the running tick until shortly before `deadline`, then gives back any lease still held. */
export async function stopWorker(deadline = Date.now() + 5_000): Promise<void> {
  state.stopping = true;
  const tick = g.__paywallWorkerTick;
  if (tick) await Promise.race([tick, new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now() - 1_500)))]);
  const released = await releaseLeases();
  if (released) console.log(`[worker] gave back ${released} job lease(s) for another process or the next start`);
  state.running = false;
}
