import { chinaDay, chinaDayStart } from "@/lib/china-time";

/**
 * When the daily backup is due and when the last one is overdue. Pure: `now` is a parameter.
 * BACKUP_TIME is a Beijing-time "HH:MM" (the owner's clock), or "off".
 */
export const OVERDUE_AFTER_MS = 26 * 3600_000;

/** Today's backup slot (the instant BACKUP_TIME falls on the China-time day containing `now`), or null when off. */
export function todaysSlot(now: Date, time: string): Date | null {
  const m = /^(\d\d):(\d\d)$/.exec(time);
  if (!m) return null;
  return new Date(chinaDayStart(now).getTime() + (Number(m[1]) * 60 + Number(m[2])) * 60_000);
}

/**
 * The day whose backup should be queued now, or null: from the slot on, the day's backup is due
 * (a server that was down at the slot catches up when it comes back). Keyed by the China-time
 * day, so however many processes ask, one job per day is queued (lib/jobs enqueueOnce).
 */
export function dueDay(now: Date, time: string): string | null {
  const slot = todaysSlot(now, time);
  return slot && now.getTime() >= slot.getTime() ? chinaDay(now) : null;
}

/**
 * Overdue: automatic backups are on, and no backup succeeded for OVERDUE_AFTER_MS — counted from
 * the last success, or from when this site first ran (no alarm in a fresh install's first day).
 */
export function isOverdue(lastSuccessAt: Date | null, since: Date, now: Date, time: string): boolean {
  if (time === "off") return false;
  const from = lastSuccessAt ?? since;
  return now.getTime() - from.getTime() > OVERDUE_AFTER_MS;
}

/** Backup file names sort by time: "paywall-backup-2026-12-04T16-25-31Z-ab12.tar.gz". */
export const BACKUP_FILE = /^paywall-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-[a-z0-9]{4}\.tar\.gz$/;

export function backupFileName(at: Date, suffix: string): string {
  return `paywall-backup-${at.toISOString().slice(0, 19).replace(/:/g, "-")}Z-${suffix}.tar.gz`;
}

/** Which of the backup files in the folder to delete so that `keep` remain (newest kept). */
export function filesToPrune(names: string[], keep: number): string[] {
  const ours = names.filter((n) => BACKUP_FILE.test(n)).sort();
  return ours.slice(0, Math.max(0, ours.length - keep));
}
