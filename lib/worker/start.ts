import { config, truthy } from "@/lib/config";
import { runDueJobs, type Handlers } from "@/lib/jobs/runner";
import { pruneJobs } from "@/lib/jobs/queue";
import { alertHandlers } from "@/lib/alerts/deliver";
import { gatewayHandlers } from "@/lib/gateway/notify-job";
import { backupHandlers, watchBackups } from "@/lib/backup/schedule";
import { standbyHandlers } from "@/lib/payments/standby";
import { watchNotifiers } from "@/lib/watch/notifier";
import { watchAccounts } from "@/lib/accounts/health-watch";
import { pruneOnce } from "@/lib/db/once";
import { db } from "@/lib/db/client";
import { pruneSessions } from "@/lib/auth/sessions";
import { pruneLoginFailures } from "@/lib/auth/login-limit";
import { pruneFeedFetches } from "@/lib/feeds/guard";
import { onShutdown } from "@/lib/ops/lifecycle";
import { isStopping, markStarting, stopWorker, trackedRound, workerState } from "@/lib/worker/liveness";

/**
 * The background worker, started in every server process (instrumentation.ts).
 * Its duties run in separate lanes, each a loop of its own, so that nothing
 * the owner must hear about waits behind someone else's slow endpoint:
 * - owner: alert fan-outs and deliveries (up to 4 at once);
 * - standby: a standby phone's report that settles once the primary stayed silent
 *   (lib/payments/standby.ts) — readers' payments, never behind a slow endpoint;
 * - merchant: notifies to the owner's other sites (up to 4 at once) — a shop
 *   whose endpoint stalls holds only this lane, and only until the request's
 *   hard deadline (lib/http/outbound.ts);
 * - backup: the daily backup and its overdue alarm (one at a time);
 * - watch: the phones and the receiving accounts' health every 15 s, whether a
 *   backup is due or overdue every minute, pruning every hour.
 * Several processes may run it at once — jobs are leased and watch state
 * changes are compare-and-set, so nothing is done twice. RUN_WORKER=0 turns it
 * off in a process. On shutdown it takes no new job, lets the running rounds
 * finish (or gives their leases back) and stops (lib/worker/liveness.ts, which
 * also tells readiness how it is doing).
 */
export const handlers: Handlers = { ...alertHandlers, ...gatewayHandlers, ...backupHandlers, ...standbyHandlers };

const LANES = {
  owner: { handlers: alertHandlers, concurrency: 4 },
  merchant: { handlers: gatewayHandlers, concurrency: 4 },
  standby: { handlers: standbyHandlers, concurrency: 2 },
  backup: { handlers: backupHandlers, concurrency: 1 },
} as const;

const TICK_MS = 3000;
const WATCH_MS = 15_000;
const BACKUP_WATCH_MS = 60_000;
const PRUNE_MS = 3600_000;
let last = { backup: 0, prune: 0 };

/** One round of a job lane; a fan-out's deliveries queued during the round run in the same round. */
async function runLane(lane: keyof typeof LANES): Promise<void> {
  const { handlers: h, concurrency } = LANES[lane];
  for (let round = 0; round < 5 && !isStopping(); round++) {
    if ((await runDueJobs(h, { kinds: Object.keys(h), concurrency, stop: isStopping })) === 0) return;
  }
}

async function watchRound(now = new Date()): Promise<void> {
  await watchNotifiers(now);
  await watchAccounts(now);
  if (now.getTime() - last.backup >= BACKUP_WATCH_MS) {
    last = { ...last, backup: now.getTime() };
    await watchBackups(now);
  }
  if (now.getTime() - last.prune >= PRUNE_MS) {
    last = { ...last, prune: now.getTime() };
    await Promise.all([pruneJobs(now), pruneSessions(now), pruneLoginFailures(now), pruneFeedFetches(now), pruneOnce(db(), now)]);
  }
}

// The loops of the worker started last: a stop ends them, and a loop of an earlier start never runs again.
let generation = 0;
const timers = new Set<NodeJS.Timeout>();

/** Takes no new job and no new round; waits for the rounds in flight until shortly before `deadline`. */
async function stop(deadline?: number): Promise<void> {
  generation++;
  for (const t of timers) clearTimeout(t);
  timers.clear();
  await stopWorker(deadline);
}

/**
 * Starts the lanes' loops (once per process) and registers their clean stop for shutdown; returns that stop
 * (tests start and stop a worker in their own process).
 */
export function startWorker(): (deadline?: number) => Promise<void> {
  if (!markStarting(truthy(config().RUN_WORKER))) return workerState().enabled ? stop : async () => {};
  const mine = ++generation;
  const loop = (lane: string, everyMs: number, round: () => Promise<void>) => {
    const next = (ms = everyMs) => {
      if (mine !== generation || isStopping()) return;
      const t = setTimeout(async () => {
        timers.delete(t);
        if (mine !== generation || isStopping()) return;
        await trackedRound(lane, round);
        next();
      }, ms);
      t.unref();
      timers.add(t);
    };
    next(TICK_MS);
  };
  loop("owner", TICK_MS, () => runLane("owner"));
  loop("merchant", TICK_MS, () => runLane("merchant"));
  loop("standby", TICK_MS, () => runLane("standby"));
  loop("backup", TICK_MS, () => runLane("backup"));
  loop("watch", WATCH_MS, () => watchRound());
  onShutdown("worker", "background worker", stop);
  return stop;
}
