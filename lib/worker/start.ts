import { config, truthy } from "@/lib/config";
import { runDueJobs, type Handlers } from "@/lib/jobs/runner";
import { pruneJobs } from "@/lib/jobs/queue";
import { alertHandlers } from "@/lib/alerts/deliver";
import { gatewayHandlers } from "@/lib/gateway/notify-job";
import { watchNotifiers } from "@/lib/watch/notifier";
import { pruneSessions } from "@/lib/auth/sessions";
import { pruneLoginFailures } from "@/lib/auth/login-limit";

/**
 * The background worker, started in every server process (instrumentation.ts).
 * Its duties run in separate lanes, each a loop of its own, so that nothing
 * the owner must hear about waits behind someone else's slow endpoint:
 * - owner: alert fan-outs and deliveries (up to 4 at once);
 * - merchant: notifies to the owner's other sites (up to 4 at once) — a shop
 *   whose endpoint stalls holds only this lane, and only until the request's
 *   hard deadline (lib/http/outbound.ts);
 * - watch: the phones every 15 s, pruning every hour.
 * Several processes may run it at once — jobs are leased and watch state
 * changes are compare-and-set, so nothing is done twice. RUN_WORKER=0 turns it
 * off in a process.
 */
export const handlers: Handlers = { ...alertHandlers, ...gatewayHandlers };

const LANES = {
  owner: { handlers: alertHandlers, concurrency: 4 },
  merchant: { handlers: gatewayHandlers, concurrency: 4 },
} as const;

const TICK_MS = 3000;
const WATCH_MS = 15_000;
const PRUNE_MS = 3600_000;
let lastPrune = 0;

/** One round of a job lane; a fan-out's deliveries queued during the round run in the same round. */
async function runLane(lane: keyof typeof LANES, now?: Date): Promise<void> {
  const { handlers: h, concurrency } = LANES[lane];
  for (let round = 0; round < 5; round++) {
    if ((await runDueJobs(h, { now, kinds: Object.keys(h), concurrency })) === 0) return;
  }
}

async function watchRound(now = new Date()): Promise<void> {
  await watchNotifiers(now);
  if (now.getTime() - lastPrune >= PRUNE_MS) {
    lastPrune = now.getTime();
    await Promise.all([pruneJobs(now), pruneSessions(now), pruneLoginFailures(now)]);
  }
}

/** One round of every lane at once; tests call it directly. */
export async function workerTick(now = new Date()): Promise<void> {
  await Promise.all([runLane("owner", now), runLane("merchant", now), watchRound(now)]);
}

let stopCurrent: (() => Promise<void>) | null = null;

/**
 * Starts the lanes' loops (once per process); returns a function that stops them: no round starts after it,
 * and it resolves once the rounds in flight have finished (each bounded by the outgoing deadlines).
 */
export function startWorker(): () => Promise<void> {
  if (stopCurrent || !truthy(config().RUN_WORKER)) return stopCurrent ?? (async () => {});
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  const loop = (name: string, everyMs: number, round: () => Promise<void>) => {
    const next = (ms = everyMs) => {
      if (stopped) return;
      const t = setTimeout(() => {
        timers.delete(t);
        if (stopped) return;
        const p = round()
          .catch((e) => console.error(`[worker] ${name} round failed`, e))
          .finally(() => {
            inFlight.delete(p);
            next();
          });
        inFlight.add(p);
      }, ms);
      t.unref();
      timers.add(t);
    };
    next(TICK_MS);
  };
  loop("owner", TICK_MS, () => runLane("owner"));
  loop("merchant", TICK_MS, () => runLane("merchant"));
  loop("watch", WATCH_MS, () => watchRound());
  stopCurrent = async () => {
    stopped = true;
    stopCurrent = null;
    for (const t of timers) clearTimeout(t);
    timers.clear();
    await Promise.all([...inFlight]);
  };
  return stopCurrent;
}
