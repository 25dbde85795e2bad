"use client";
import { useState } from "react";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import { ApiError, type Json } from "@/lib/client/api";
import { channelLabel } from "@/lib/channels";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { TimeText } from "@/components/admin/time-text";
import { ReconcileReport } from "@/components/admin/reconcile-report";
import { AccountSelect } from "@/components/admin/account-select";
import type { ReconcileSummary } from "@/lib/reconcile/reconcile";
import type { ImportView } from "@/lib/reconcile/admin";

export function ReconcileManager() {
  const { data, error, mutate } = useAdmin<{ items: Json<ImportView>[] }>("/api/admin/reconcile");
  const [report, setReport] = useState<Json<ReconcileSummary> | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setUploadError(null);
    try {
      const form = new FormData(e.currentTarget);
      // The bill is one receiving account's; the server takes the channel's default account when none is chosen.
      const account = String(form.get("accountId") ?? "");
      form.delete("accountId");
      const url = account ? `/api/admin/reconcile?accountId=${encodeURIComponent(account)}` : "/api/admin/reconcile";
      setReport(await adminSend<Json<ReconcileSummary>>("POST", url, form));
      await mutate();
    } catch (err) {
      setUploadError(err instanceof ApiError ? err.message : "上传失败");
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Card title="导入官方账单对账">
        <form onSubmit={submit} className="space-y-2 text-sm">
          <p className="text-stone-600">
            微信：我 → 服务 → 钱包 → 账单 → 常见问题 → 下载账单 →
            用于个人对账（邮件里的压缩包先用「微信支付」公众号给的密码解压）。支付宝：我的 → 账单 → … → 开具交易流水证明 →
            用于个人对账。上传原始的 .xlsx / .csv 文件，不要用 Excel 另存。同一份账单重复导入不会重复记账。
          </p>
          <input name="file" type="file" required accept=".csv,.xlsx,text/csv" aria-label="账单文件" className="block" />
          <label className="block">
            账单所属的收款账户
            <AccountSelect emptyLabel="该渠道的默认账户" />
          </label>
          <button disabled={busy} className="rounded-lg bg-stone-900 px-4 py-1.5 text-white disabled:opacity-50">
            {busy ? "正在对账…" : "上传并对账"}
          </button>
          {uploadError && (
            <p role="alert" className="text-red-600">
              {uploadError}
            </p>
          )}
        </form>
      </Card>
      {report && (
        <Card title="对账结果">
          <ReconcileReport s={report} />
        </Card>
      )}
      <Card title="导入记录">
        <Notice error={error} feature="对账" />
        {data?.items.length === 0 && <p className="text-sm text-stone-500">还没有导入过账单。建议每月导入一次。</p>}
        <ul className="divide-y divide-stone-100 text-sm">
          {data?.items.map((i) => (
            <li key={i.id} className="flex flex-wrap gap-x-3 py-2">
              <TimeText at={i.createdAt} />
              <span>{channelLabel(i.channel)}</span>
              <span className="text-stone-500">{i.fileName}</span>
              {i.summary && (
                <span className="text-stone-600">
                  收入 {i.summary.incomes} 笔：已确认 {i.summary.alreadySettled}，补记 {i.summary.settled}，待处理 {i.summary.inbox}
                  ，账单中没有 {i.summary.notInBill}
                </span>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
