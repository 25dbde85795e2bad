"use client";
import { useState } from "react";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import { ApiError, type Json } from "@/lib/client/api";
import type { BackupOverview } from "@/lib/backup/admin";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { TimeText } from "@/components/admin/time-text";

const TRIGGER: Record<string, string> = { daily: "每日自动", manual: "立即备份", cli: "命令行" };
const STATUS: Record<string, string> = { running: "进行中", done: "完成", failed: "失败" };

function size(bytes: number | null): string {
  if (bytes === null) return "—";
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function age(at: string, now: number): string {
  const minutes = Math.max(0, Math.round((now - new Date(at).getTime()) / 60_000));
  if (minutes < 1) return "刚刚";
  if (minutes < 60) return `${minutes} 分钟前`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} 小时前` : `${Math.round(hours / 24)} 天前`;
}

export function BackupManager() {
  const { data, error, mutate } = useAdmin<Json<BackupOverview>>("/api/admin/backups", 30_000);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function backupNow() {
    setBusy(true);
    setResult(null);
    try {
      const r = await adminSend<{ fileName: string; bytes: number; ms: number }>("POST", "/api/admin/backups");
      setResult({ ok: true, text: `备份完成：${r.fileName}（${size(r.bytes)}，用时 ${(r.ms / 1000).toFixed(1)} 秒）` });
    } catch (e) {
      setResult({ ok: false, text: e instanceof ApiError ? e.message : "备份失败" });
    } finally {
      setBusy(false);
      await mutate();
    }
  }

  const last = data?.last;
  const now = data ? new Date(data.now).getTime() : 0;
  return (
    <>
      <Card
        title="备份"
        action={
          <button
            type="button"
            disabled={busy}
            onClick={backupNow}
            className="rounded bg-stone-900 px-3 py-1 text-sm text-white disabled:opacity-50"
          >
            {busy ? "正在备份…" : "立即备份"}
          </button>
        }
      >
        <Notice error={error} feature="备份" />
        {data && (
          <div className="space-y-2 text-sm">
            <p data-testid="last-backup">
              {last ? (
                <>
                  上次成功备份：<strong>{age(last.startedAt, now)}</strong>（<TimeText at={last.startedAt} />，{size(last.bytes)}）
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
            {result && (
              <p role="status" className={`rounded-lg p-3 ${result.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}>
                {result.text}
              </p>
            )}
            <p className="text-stone-500">
              {data.schedule.time === "off" ? "每日自动备份已关闭（BACKUP_TIME=off）" : `每天 ${data.schedule.time}（北京时间）自动备份`}
              ，保留最近 {data.schedule.keep} 份，保存在服务器的 <code>{data.schedule.dir}</code>
              。备份包含数据库（订单、收款、文章、图片）和会话密钥： 请下载或复制到别的地方保存，并妥善保管。恢复：
              <code>npm run restore -- 备份文件</code>。
            </p>
          </div>
        )}
      </Card>
      <Card title="备份记录">
        <table className="w-full text-left text-sm">
          <thead className="text-stone-500">
            <tr>
              <th className="py-1">时间</th>
              <th>方式</th>
              <th>状态</th>
              <th>大小</th>
              <th></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {data?.items.map((b) => (
              <tr key={b.id}>
                <td className="py-1.5">
                  <TimeText at={b.startedAt} />
                </td>
                <td>{TRIGGER[b.trigger] ?? b.trigger}</td>
                <td className={b.status === "failed" ? "text-red-700" : ""} title={b.error ?? undefined}>
                  {STATUS[b.status] ?? b.status}
                  {b.error && <span className="block max-w-md truncate text-xs">{b.error}</span>}
                </td>
                <td>{size(b.bytes)}</td>
                <td>
                  {b.downloadable ? (
                    <a href={`/api/admin/backups/${b.id}/download`} className="text-sky-700 underline">
                      下载
                    </a>
                  ) : b.status === "done" ? (
                    <span className="text-xs text-stone-400">文件已不在本机</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
