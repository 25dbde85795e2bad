import { existsSync, statSync, createReadStream } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { backupDir, config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { BACKUP_FILE } from "./rules";
import { overdueState } from "./schedule";
import { BACKUP_STATUS, BACKUP_TRIGGER, succeeded, type BackupStatus, type BackupTrigger } from "./status";

/** The owner's backup page: the runs, the last success's age and size, whether one is overdue. */
export interface BackupView {
  id: string;
  trigger: BackupTrigger | null;
  status: BackupStatus | null;
  host: string;
  fileName: string | null;
  bytes: number | null;
  sha256: string | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** The file is on this server and can be downloaded here (not pruned, not on another machine). */
  downloadable: boolean;
}

export interface BackupOverview {
  items: BackupView[];
  last: BackupView | null;
  overdue: boolean;
  /** The server's clock, for the "3 小时前" of the last backup. */
  now: Date;
  schedule: { time: string; keep: number; dir: string };
}

export async function backupOverview(now = new Date()): Promise<BackupOverview> {
  const [rows, state] = await Promise.all([db().backup.findMany({ orderBy: { startedAt: "desc" }, take: 30 }), overdueState(now)]);
  const items = rows.map(toView);
  const time = config().BACKUP_TIME;
  return {
    items,
    last: items.find(succeeded) ?? null,
    overdue: state.overdue,
    now,
    schedule: { time, keep: config().BACKUP_KEEP, dir: backupDir() },
  };
}

function toView(row: Awaited<ReturnType<ReturnType<typeof db>["backup"]["findMany"]>>[number]): BackupView {
  const b = { ...row, status: BACKUP_STATUS.parse(row.status), trigger: BACKUP_TRIGGER.parse(row.trigger) };
  return { ...b, downloadable: succeeded(b) && !!b.fileName && b.host === hostname() && existsSync(filePath(b.fileName)) };
}

const filePath = (name: string) => path.join(backupDir(), name);

/** The backup file as a download, when it is on this machine. */
export async function backupDownload(id: string): Promise<Response> {
  const b = await db().backup.findUnique({ where: { id } });
  if (!b || b.status !== "done" || !b.fileName || !BACKUP_FILE.test(b.fileName)) throw new AppError("not_found", "没有这个备份。");
  if (b.host !== hostname()) throw new AppError("not_found", `这个备份文件在另一台服务器（${b.host}）的备份目录里，请从那台服务器下载。`);
  const file = filePath(b.fileName);
  if (!existsSync(file)) throw new AppError("not_found", `备份文件已不在备份目录里（只保留最近 ${config().BACKUP_KEEP} 份）。`);
  const body = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "content-type": "application/gzip",
      "content-length": String(statSync(file).size),
      "content-disposition": `attachment; filename="${b.fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
