import { hostname } from "node:os";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { retryDelayMs } from "@/lib/jobs/backoff";

/**
 * Runs due jobs. A job is leased with a compare-and-set on its row that sets
 * a lease (lockedBy / lockedUntil): of two processes, only one update matches,
 * so a job never runs twice at once. A process that dies mid-job leaves its
 * lease to expire, and the job is leased again (it survives restarts). The
 * lease is longer than any handler may take (they time out well before), so a
 * live worker never loses its job to another.
 */
export type JobHandler = (payload: unknown, job: { id: string; attempts: number; ref: string | null }) => Promise<void>;
export type Handlers = Record<string, JobHandler>;

export const LEASE_MS = 2 * 60_000;
const WORKER_ID = `${hostname()}:${process.pid}:${newId(4)}`;

export interface RunOptions {
  now?: Date;
  limit?: number;
  workerId?: string;
  /** Only jobs of these kinds (a lane of the worker, lib/worker/start.ts); default: every kind. */
  kinds?: string[];
  /** Jobs run at once; each handler bounds its own time (hard deadlines on outgoing requests). */
  concurrency?: number;
  /** Asked before each lease: true once the process is stopping (no new job is started then). */
  stop?: () => boolean;
}

/** Leases up to `limit` due jobs of the given kinds and runs them, `concurrency` at a time; returns how many ran. */
export async function runDueJobs(handlers: Handlers, opts: RunOptions = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const workerId = opts.workerId ?? WORKER_ID;
  const due = await db().job.findMany({
    where: {
      ...(opts.kinds ? { kind: { in: opts.kinds } } : {}),
      OR: [
        { status: "pending", runAt: { lte: now } },
        { status: "running", lockedUntil: { lt: now } },
      ],
    },
    orderBy: { runAt: "asc" },
    take: opts.limit ?? 20,
    select: { id: true },
  });
  let ran = 0;
  let next = 0;
  const lane = async () => {
    while (next < due.length) {
      if (opts.stop?.()) return;
      const job = await lease(due[next++].id, workerId, now);
      if (!job) continue;
      ran++;
      await runOne(handlers, job, workerId);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, lane));
  return ran;
}

async function lease(id: string, workerId: string, now: Date) {
  const won = await db().job.updateMany({
    where: {
      id,
      OR: [
        { status: "pending", runAt: { lte: now } },
        { status: "running", lockedUntil: { lt: now } },
      ],
    },
    data: { status: "running", lockedBy: workerId, lockedUntil: new Date(Date.now() + LEASE_MS), attempts: { increment: 1 } },
  });
  if (won.count !== 1) return null;
  return db().job.findUnique({ where: { id } });
}

type JobRow = NonNullable<Awaited<ReturnType<typeof lease>>>;

async function runOne(handlers: Handlers, job: JobRow, workerId: string): Promise<void> {
  const mine = { id: job.id, lockedBy: workerId, status: "running" };
  const handler = handlers[job.kind];
  try {
    if (!handler) throw new PermanentJobError(`no handler for job kind "${job.kind}"`);
    await handler(JSON.parse(job.payload), { id: job.id, attempts: job.attempts, ref: job.ref });
    await db().job.updateMany({ where: mine, data: { status: "done", finishedAt: new Date(), lockedUntil: null, lastError: null } });
  } catch (e) {
    const message = errorMessage(e);
    const giveUp = e instanceof PermanentJobError || job.attempts >= job.maxAttempts;
    await db().job.updateMany({
      where: mine,
      data: giveUp
        ? { status: "failed", finishedAt: new Date(), lockedUntil: null, lastError: message }
        : { status: "pending", runAt: new Date(Date.now() + retryDelayMs(job.attempts)), lockedUntil: null, lastError: message },
    });
  }
}

/**
 * On shutdown: jobs this process still holds go back to the queue at once (due now, the
 * interrupted attempt not counted), instead of waiting for their lease to run out.
 */
export async function releaseLeases(workerId = WORKER_ID): Promise<number> {
  const res = await db().job.updateMany({
    where: { status: "running", lockedBy: workerId },
    data: { status: "pending", lockedBy: null, lockedUntil: null, runAt: new Date(), attempts: { decrement: 1 } },
  });
  return res.count;
}

/** Thrown by a handler for a failure that retrying cannot fix (bad configuration, a deleted target). */
export class PermanentJobError extends Error {}

function errorMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.slice(0, 1000);
}
