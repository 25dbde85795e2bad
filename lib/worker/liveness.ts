import { releaseLeases } from "@/lib/jobs/runner";

/**
 * The worker's life as the rest of the process sees it, kept apart from its duties (start.ts): what
 * readiness (lib/ops/readiness.ts) reports — started, ticking, stuck, stopping — and the clean stop on
 * shutdown (lib/ops/shutdown.ts: take no new job, let the running round finish until shortly before the
 * deadline, give back any lease still held). On globalThis: Next.js may load this module in more than one
 * bundle of one process (instrumentation, route handlers), and they must see one worker.
 */
export interface WorkerState {
  enabled: boolean;
  running: boolean;
  stopping: boolean;
  startedAt: number | null;
  lastTickAt: number | null;
  /** When the round running now began (null between rounds): a round running for very long is stuck. */
  tickStartedAt: number | null;
}

const g = globalThis as unknown as { __paywallWorker?: WorkerState; __paywallWorkerRound?: Promise<void> | null };
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

/** True once the process is stopping: no new round, no new job (runDueJobs' `stop`). */
export const isStopping = (): boolean => state.stopping;

/** Called by startWorker; true when the loop should start now (enabled, not running yet). */
export function markStarting(enabled: boolean): boolean {
  state.enabled = enabled;
  if (state.running || !enabled) return false;
  state.running = true;
  state.startedAt = Date.now();
  return true;
}

/** Runs one round of the loop, timed for readiness; a failing round is logged and the loop goes on. */
export async function trackedRound(round: () => Promise<void>): Promise<void> {
  state.tickStartedAt = Date.now();
  const p = round().catch((e) => console.error("[worker] tick failed", e));
  g.__paywallWorkerRound = p;
  await p;
  g.__paywallWorkerRound = null;
  state.tickStartedAt = null;
  state.lastTickAt = Date.now();
}

/** Takes no new job; waits for the running round until shortly before `deadline`, then gives back any lease still held. */
export async function stopWorker(deadline = Date.now() + 5_000): Promise<void> {
  state.stopping = true;
  const round = g.__paywallWorkerRound;
  if (round) await Promise.race([round, new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now() - 1_500)))]);
  const released = await releaseLeases();
  if (released) console.log(`[worker] gave back ${released} job lease(s) for another process or the next start`);
  state.running = false;
}
