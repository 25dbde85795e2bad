import { db, type Db, type Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/tx";
import { newId } from "@/lib/ids";
import { JOB_STATUS, type JobStatus } from "@/lib/jobs/status";

/**
 * A small generic job queue in the database (table Job): work that must happen
 * eventually and must not hold up a request — alert deliveries today, merchant
 * notify retries later. Enqueue inside the transaction that caused the work, so
 * the job exists exactly when the change committed; a worker (runner.ts) runs it.
 */
export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /** What the job is about (an alert id …), to list its history. */
  ref?: string;
  /** Idempotent enqueue: at most one job ever exists with this key. */
  key?: string;
}

export async function enqueue(client: Tx | Db, kind: string, payload: unknown, opts: EnqueueOptions = {}): Promise<string> {
  const id = `job_${newId(12)}`;
  await client.job.create({
    data: {
      id,
      kind,
      payload: JSON.stringify(payload),
      runAt: opts.runAt ?? new Date(),
      maxAttempts: opts.maxAttempts ?? 8,
      ref: opts.ref ?? null,
      key: opts.key ?? null,
    },
  });
  return id;
}

/**
 * enqueue() with a key, outside any transaction: a job already queued under
 * that key is not queued again (answers false). Not for use inside a
 * transaction: on PostgreSQL the unique violation would abort it.
 */
export async function enqueueOnce(kind: string, payload: unknown, opts: EnqueueOptions & { key: string }): Promise<boolean> {
  try {
    await enqueue(db(), kind, payload, opts);
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

export interface JobView {
  id: string;
  kind: string;
  /** null: a stored status this build does not know. */
  status: JobStatus | null;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  payload: unknown;
}

/** The latest jobs about `ref`, newest first. */
export async function jobsFor(ref: string, limit = 20): Promise<JobView[]> {
  const rows = await db().job.findMany({ where: { ref }, orderBy: { createdAt: "desc" }, take: limit });
  return rows.map((j) => ({
    id: j.id,
    kind: j.kind,
    status: JOB_STATUS.parse(j.status),
    attempts: j.attempts,
    maxAttempts: j.maxAttempts,
    runAt: j.runAt,
    lastError: j.lastError,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt,
    payload: safeJson(j.payload),
  }));
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/** Finished jobs are kept a week for the admin to see, then deleted. */
export async function pruneJobs(now = new Date(), keepDays = 7): Promise<number> {
  const cutoff = new Date(now.getTime() - keepDays * 24 * 3600 * 1000);
  const res = await db().job.deleteMany({ where: { status: { in: ["done", "failed"] }, finishedAt: { lt: cutoff } } });
  return res.count;
}
