import { config, truthy } from "@/lib/config";
import { runDueJobs, type Handlers } from "@/lib/jobs/runner";
import { pruneJobs } from "@/lib/jobs/queue";
import { alertHandlers } from "@/lib/alerts/deliver";
import { gatewayHandlers } from "@/lib/gateway/notify-job";
import { standbyHandlers } from "@/lib/payments/standby";
import { watchNotifiers } from "@/lib/watch/notifier";
import { watchAccounts } from "@/lib/accounts/health-watch";
import { pruneOnce } from "@/lib/db/once";
import { db } from "@/lib/db/client";
import { pruneSessions } from "@/lib/admin/sessions";
import { pruneLoginFailures } from "@/lib/admin/login-limit";

/**
 * The background worker, started in every server process (instrumentation.ts):
 * every few seconds it runs due jobs (alert deliveries, merchant notifies, standby settlements), every
 * 15 s it watches the phones and the receiving accounts' health, every hour it prunes. Several processes may run it at once — jobs
 * are leased and watch state changes are compare-and-set, so nothing is done
 * twice. RUN_WORKER=0 turns it off in a process.
 */
export const handlers: Handlers = { ...alertHandlers, ...gatewayHandlers, ...standbyHandlers };

const TICK_MS = 3000;
const WATCH_MS = 15_000;
const PRUNE_MS = 3600_000;
let last = { watch: 0, prune: 0 };

/** One round of the worker's duties; tests call it directly. */
export async function workerTick(now = new Date()): Promise<void> {
  await runDueJobs(handlers, { now });
  if (now.getTime() - last.watch >= WATCH_MS) {
    last = { ...last, watch: now.getTime() };
    await watchNotifiers(now);
    await watchAccounts(now);
  }
  if (now.getTime() - last.prune >= PRUNE_MS) {
    last = { ...last, prune: now.getTime() };
    await Promise.all([pruneJobs(now), pruneSessions(now), pruneLoginFailures(now), pruneOnce(db(), now)]);
  }
}

let started = false;

export function startWorker(): void {
  if (started || !truthy(config().RUN_WORKER)) return;
  started = true;
  const loop = async () => {
    try {
      await workerTick();
    } catch (e) {
      console.error("[worker] tick failed", e);
    }
    setTimeout(loop, TICK_MS).unref();
  };
  setTimeout(loop, TICK_MS).unref();
}
