import { vocabulary } from "@/lib/vocabulary";

/**
 * A queued job's states (table Job), in the words of a delivery — every job today sends something
 * (an alert, a merchant notify). Client-safe: the alert list shows each delivery's word.
 */
export const JOB_STATUSES = ["pending", "running", "done", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const JOB_STATUS = vocabulary(JOB_STATUSES, {
  pending: { label: "等待重试", tone: "warn" },
  running: { label: "发送中", tone: "neutral" },
  done: { label: "已送达", tone: "good" },
  failed: { label: "已放弃", tone: "bad" },
});
/** Tried and failed at least once, with attempts left: it runs again at runAt. */
export const willRetry = (j: { status: JobStatus | null; attempts: number }): boolean => j.status === "pending" && j.attempts > 0;
