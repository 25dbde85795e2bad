import { vocabulary, type StateOf } from "@/lib/vocabulary";

/**
 * A queued job's states (table Job), in the words of a delivery — every job today sends something
 * (an alert, a merchant notify). Client-safe: the alert list shows each delivery's word.
 */
export const JOB_STATUS = vocabulary(
  { pending: "等待重试", running: "发送中", done: "已送达", failed: "已放弃" },
  { pending: "warn", done: "good", failed: "bad" },
);
export type JobStatus = StateOf<typeof JOB_STATUS>;

/** Tried and failed at least once, with attempts left: it runs again at runAt. */
export const willRetry = (j: { status: JobStatus | null; attempts: number }): boolean => j.status === "pending" && j.attempts > 0;
