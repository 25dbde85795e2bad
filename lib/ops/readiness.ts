import { databaseKind } from "@/lib/config";
import { db } from "@/lib/db/client";
import { workerState } from "@/lib/worker/liveness";
import { isDraining } from "@/lib/ops/lifecycle";

/**
 * GET /api/ready: may this process take traffic? For a proxy's health check or a monitor,
 * beside the cheap GET /api/health. Ready means: not stopping, the database answers, and
 * this process's background worker (when it runs one) is ticking. `jobs.overdue` counts
 * jobs waiting for over 5 minutes — no process is running the worker, or it cannot keep up —
 * reported, not failed on: it is the whole site's problem, not this instance's. Nothing in it
 * is secret: no addresses, no URLs, no error texts (those go to the log).
 */
const DB_TIMEOUT_MS = 2_000;
/** A tick that runs this long is stuck (the daily backup of a large site included). */
const TICK_STUCK_MS = 10 * 60_000;
/** The loop ticks every 3 s; this long without one means it died. */
const LOOP_DEAD_MS = 60_000;
const JOB_OVERDUE_MS = 5 * 60_000;

export type WorkerReport = "running" | "off" | "starting" | "stopping" | "stalled";

export interface Readiness {
  ready: boolean;
  draining: boolean;
  database: { ok: boolean; kind: "sqlite" | "postgres"; ms: number | null };
  worker: WorkerReport;
  jobs: { overdue: number | null };
}

export function workerReport(now = Date.now()): WorkerReport {
  const w = workerState();
  if (!w.enabled) return "off";
  if (w.stopping) return "stopping";
  if (!w.running || w.startedAt === null) return "starting";
  if (w.tickStartedAt !== null) return now - w.tickStartedAt > TICK_STUCK_MS ? "stalled" : "running";
  const last = w.lastTickAt ?? w.startedAt;
  return now - last > LOOP_DEAD_MS ? "stalled" : "running";
}

export async function readiness(now = new Date()): Promise<Readiness> {
  const draining = isDraining();
  const t0 = Date.now();
  let ok = false;
  let overdue: number | null = null;
  try {
    overdue = await withTimeout(
      db().job.count({ where: { status: "pending", runAt: { lt: new Date(now.getTime() - JOB_OVERDUE_MS) } } }),
      DB_TIMEOUT_MS,
    );
    ok = true;
  } catch (e) {
    console.error("[ready] database check failed", e);
  }
  const worker = workerReport(now.getTime());
  return {
    ready: !draining && ok && worker !== "stalled" && worker !== "stopping",
    draining,
    database: { ok, kind: databaseKind(), ms: ok ? Date.now() - t0 : null },
    worker,
    jobs: { overdue },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
