import { releaseLeases } from "@/lib/jobs/runner";
import { registerCache } from "@/lib/process-caches";

/**
 * The worker's life as the rest of the process sees it, kept apart from its duties (start.ts): what
 * readiness (lib/ops/readiness.ts) reports — started, ticking, stuck, stopping — and the clean stop on
 * shutdown (lib/ops/shutdown.ts: take no new job, let the running round finish until shortly before the
 * deadline, give back any lease still held). The worker runs its duties in lanes (start.ts), each with
 * its own round; readiness sees the oldest round running now. On globalThis: Next.js may load this module
 * in more than one bundle of one process (instrumentation, route handlers), and they must see one worker.
 */
export interface WorkerState {
  enabled: boolean;
  running: boolean;
  stopping: boolean;
  startedAt: number | null;
  lastTickAt: number | null;
  /** When the oldest round running now began (null while none runs): a round running for very long is stuck. */
  tickStartedAt: number | null;
}

/** The rounds running now (one per lane): when each began and when it will be done. */
type Rounds = Set<{ lane: string; startedAt: number; done: Promise<void> }>;
const g = globalThis as unknown as { __paywallWorker?: WorkerState; __paywallWorkerRounds?: Rounds };
const NEVER_STARTED: WorkerState = {
  enabled: false,
  running: false,
  stopping: false,
  startedAt: null,
  lastTickAt: null,
  tickStartedAt: null,
};
const state = (g.__paywallWorker ??= { ...NEVER_STARTED });
const rounds = (g.__paywallWorkerRounds ??= new Set());

/**
 * Back to "never started" (the tests, between tests: one that started and stopped a worker in this
 * process must not leave the next one a stopped worker). Production never calls it: a stop ends the process.
 */
export function forgetWorkerState(): void {
  Object.assign(state, NEVER_STARTED);
  rounds.clear();
}
registerCache("worker-liveness", { forget: forgetWorkerState });
const oldestRound = (): number | null => (rounds.size ? Math.min(...[...rounds.values()].map((r) => r.startedAt)) : null);

export function workerState(): Readonly<WorkerState> {
  return state;
}

/** True once the process is stopping: no new round, no new job (runDueJobs' `stop`). */
export const isStopping = (): boolean => state.stopping;

/** Called by startWorker; true when the loops should start now (enabled, not running yet). */
export function markStarting(enabled: boolean): boolean {
  state.enabled = enabled;
  if (state.running || !enabled) return false;
  state.running = true;
  // Started again after a stop (tests start and stop a worker in one process): it takes jobs again.
  state.stopping = false;
  state.startedAt = Date.now();
  return true;
}

/** Runs one round of a lane, timed for readiness; a failing round is logged and the lane goes on. */
export async function trackedRound(lane: string, round: () => Promise<void>): Promise<void> {
  const startedAt = Date.now();
  const entry = { lane, startedAt, done: round().catch((e) => console.error(`[worker] ${lane} round failed`, e)) };
  rounds.add(entry);
  state.tickStartedAt = oldestRound();
  await entry.done;
  rounds.delete(entry);
  state.tickStartedAt = oldestRound();
  state.lastTickAt = Date.now();
}

/** Takes no new job; waits for the running rounds until shortly before `deadline`, then gives back any lease still held. */
export async function stopWorker(deadline = Date.now() + 5_000): Promise<void> {
  state.stopping = true;
  const running = [...rounds.values()].map((r) => r.done);
  if (running.length) {
    let timer: NodeJS.Timeout | undefined;
    const cutOff = new Promise((r) => (timer = setTimeout(r, Math.max(0, deadline - Date.now() - 1_500))));
    await Promise.race([Promise.all(running), cutOff]);
    clearTimeout(timer);
  }
  const released = await releaseLeases();
  if (released) console.log(`[worker] gave back ${released} job lease(s) for another process or the next start`);
  state.running = false;
}
