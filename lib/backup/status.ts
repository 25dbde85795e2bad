import { vocabulary, type StateOf } from "@/lib/vocabulary";

/**
 * A backup run's words (table Backup): how it was started and how it ended, and how big and how old a
 * backup is for the owner. Client-safe: the 备份 page shows them (components/admin/backup-manager.tsx).
 */
export const BACKUP_STATUS = vocabulary({ running: "进行中", done: "完成", failed: "失败" }, { done: "good", failed: "bad" });
export type BackupStatus = StateOf<typeof BACKUP_STATUS>;

export const BACKUP_TRIGGER = vocabulary({ daily: "每日自动", manual: "立即备份", cli: "命令行" });
export type BackupTrigger = StateOf<typeof BACKUP_TRIGGER>;

/** A run that wrote its file: the one the last backup's age is counted from, and the only one to download. */
export const succeeded = (b: { status: BackupStatus | null }): boolean => b.status === "done";

/** "850 KB", "12.3 MB". */
export function sizeText(bytes: number | null): string {
  if (bytes === null) return "—";
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** How long ago, in the owner's words: 刚刚, 12 分钟前, 5 小时前, 3 天前. */
export function ageText(at: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - at.getTime()) / 60_000));
  if (minutes < 1) return "刚刚";
  if (minutes < 60) return `${minutes} 分钟前`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} 小时前` : `${Math.round(hours / 24)} 天前`;
}
