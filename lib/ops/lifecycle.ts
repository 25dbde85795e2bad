/**
 * The process's life cycle, shared by the production server (server/main.ts, loaded by tsx)
 * and Next.js's bundle (route handlers, the worker), which load this file as two separate
 * modules: the state lives on globalThis so both see one. Modules that hold something a
 * clean stop must let go of (open event streams, the worker's job leases, database
 * connections) register it here themselves; lib/ops/shutdown.ts runs the hooks on SIGTERM.
 * No imports: the custom server loads this without the react-server condition.
 */
export type ShutdownPhase =
  /** Right after the server stops accepting: close pushed streams so browsers reconnect elsewhere. */
  | "streams"
  /** At the same time as in-flight requests finish: stop taking jobs, finish or release the current one. */
  | "worker"
  /** Last, once no request is running: connections to the database and the event bus. */
  | "close";

type Hook = (deadline: number) => Promise<void> | void;
interface LifecycleState {
  draining: boolean;
  startedAt: number;
  hooks: Map<string, { phase: ShutdownPhase; run: Hook }>;
}

const g = globalThis as unknown as { __paywallLifecycle?: LifecycleState };
const state = (g.__paywallLifecycle ??= { draining: false, startedAt: Date.now(), hooks: new Map() });

/** Registers (or replaces, by name) what to do on shutdown; `deadline` is the epoch ms by which it must be done. */
export function onShutdown(phase: ShutdownPhase, name: string, run: Hook): void {
  state.hooks.set(name, { phase, run });
}

/** True from the moment a stop began: readiness answers 503, new work is not started. */
export function isDraining(): boolean {
  return state.draining;
}

export function markDraining(): void {
  state.draining = true;
}

/** Runs one phase's hooks side by side; a failing hook is logged, never stops the others. */
export async function runShutdownPhase(phase: ShutdownPhase, deadline: number): Promise<void> {
  const hooks = [...state.hooks.entries()].filter(([, h]) => h.phase === phase);
  await Promise.all(
    hooks.map(async ([name, h]) => {
      try {
        await h.run(deadline);
      } catch (e) {
        console.error(`[shutdown] ${name} failed`, e);
      }
    }),
  );
}
