"use client";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import type { Json } from "@/lib/client/api";
import type { BackupOverview, BackupView } from "@/lib/backup/admin";
import { ageText, BACKUP_STATUS, BACKUP_TRIGGER, sizeText, succeeded } from "@/lib/backup/status";
import { Button, Card, DataTable, Notice, StateText, TimeText, type Column } from "@/components/admin/kit";
import { FormMessage, Note, useFormAction } from "@/components/admin/kit/forms";

type Row = Json<BackupView>;

const COLUMNS: Column<Row>[] = [
  { head: "时间", cell: (b) => <TimeText at={b.startedAt} /> },
  { head: "方式", cell: (b) => BACKUP_TRIGGER.label(b.trigger) },
  {
    head: "状态",
    cell: (b) => (
      <span title={b.error ?? undefined}>
        <StateText vocab={BACKUP_STATUS} state={b.status} />
        {b.error && <span className="block max-w-md truncate text-xs text-red-700">{b.error}</span>}
      </span>
    ),
  },
  { head: "大小", cell: (b) => sizeText(b.bytes) },
  {
    head: "",
    cell: (b) =>
      b.downloadable ? (
        <a href={`/api/admin/backups/${b.id}/download`} className="text-sky-700 underline">
          下载
        </a>
      ) : succeeded(b) ? (
        <span className="text-xs text-stone-400">文件已不在本机</span>
      ) : null,
  },
];

/** The 备份 page: the last backup's age and size, 立即备份, the schedule, and every run with its download. */
export function BackupManager() {
  const { data, error, mutate } = useAdmin<Json<BackupOverview>>("/api/admin/backups", 30_000);
  const action = useFormAction("备份失败");

  const backupNow = () =>
    action.run(async () => {
      try {
        const r = await adminSend<{ fileName: string; bytes: number; ms: number }>("POST", "/api/admin/backups");
        return `备份完成：${r.fileName}（${sizeText(r.bytes)}，用时 ${(r.ms / 1000).toFixed(1)} 秒）`;
      } finally {
        await mutate();
      }
    });

  const last = data?.last;
  return (
    <>
      <Card
        title="备份"
        action={
          <Button disabled={action.busy} onClick={() => void backupNow()}>
            {action.busy ? "正在备份…" : "立即备份"}
          </Button>
        }
      >
        <Notice error={error} feature="备份" />
        {data && (
          <div className="space-y-2 text-sm">
            <p data-testid="last-backup">
              {last ? (
                <>
                  上次成功备份：<strong>{ageText(new Date(last.startedAt), new Date(data.now))}</strong>（
                  <TimeText at={last.startedAt} />，{sizeText(last.bytes)}）
                </>
              ) : (
                <strong>还没有成功的备份。</strong>
              )}
            </p>
            {data.overdue && (
              <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-700">
                超过一天没有成功备份：请查看下面失败的原因，处理后点「立即备份」。
              </p>
            )}
            <FormMessage error={action.error} message={action.message} />
            <Note>
              {data.schedule.time === "off" ? "每日自动备份已关闭（BACKUP_TIME=off）" : `每天 ${data.schedule.time}（北京时间）自动备份`}
              ，保留最近 {data.schedule.keep} 份，保存在服务器的 <code>{data.schedule.dir}</code>
              。备份包含数据库（订单、收款、文章、图片）和会话密钥：请下载或复制到别的地方保存，并妥善保管。恢复：
              <code>npm run restore -- 备份文件</code>。
            </Note>
          </div>
        )}
      </Card>
      <Card title="备份记录">
        <DataTable items={data?.items} columns={COLUMNS} rowKey={(b) => b.id} minWidth="32rem" empty="还没有备份记录。" />
      </Card>
    </>
  );
}
