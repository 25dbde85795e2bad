"use client";
import { useState } from "react";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import type { Json } from "@/lib/client/api";
import { channelLabel } from "@/lib/channels";
import { Card, ItemList, Row, TimeText } from "@/components/admin/kit";
import { Field, Form, SubmitRow, useFormAction } from "@/components/admin/kit/forms";
import { ReconcileReport } from "@/components/admin/reconcile-report";
import { AccountSelect } from "@/components/admin/account-select";
import type { ReconcileSummary } from "@/lib/reconcile/reconcile";
import type { ImportView } from "@/lib/reconcile/admin";

export function ReconcileManager() {
  const { data, error, mutate } = useAdmin<{ items: Json<ImportView>[] }>("/api/admin/reconcile");
  const [report, setReport] = useState<Json<ReconcileSummary> | null>(null);
  const form = useFormAction("上传失败");
  const submit = form.submit(async (bill) => {
    // The bill is one receiving account's; the server takes the channel's default account when none is chosen.
    const account = String(bill.get("accountId") ?? "");
    bill.delete("accountId");
    const url = account ? `/api/admin/reconcile?accountId=${encodeURIComponent(account)}` : "/api/admin/reconcile";
    setReport(await adminSend<Json<ReconcileSummary>>("POST", url, bill));
    await mutate();
  });
  return (
    <>
      <Card title="导入官方账单对账">
        <Form layout="stack" onSubmit={submit}>
          <p className="text-stone-600">
            微信：我 → 服务 → 钱包 → 账单 → 常见问题 → 下载账单 →
            用于个人对账（邮件里的压缩包先用「微信支付」公众号给的密码解压）。支付宝：我的 → 账单 → … → 开具交易流水证明 →
            用于个人对账。上传原始的 .xlsx / .csv 文件，不要用 Excel 另存。同一份账单重复导入不会重复记账。
          </p>
          <input name="file" type="file" required accept=".csv,.xlsx,text/csv" aria-label="账单文件" className="block" />
          <Field label="账单所属的收款账户" stacked>
            <AccountSelect emptyLabel="该渠道的默认账户" />
          </Field>
          <div>
            <SubmitRow form={form} label="上传并对账" pending="正在对账…" />
          </div>
        </Form>
      </Card>
      {report && (
        <Card title="对账结果">
          <ReconcileReport s={report} />
        </Card>
      )}
      <Card title="导入记录">
        <ItemList items={data?.items} error={error} feature="对账" empty="还没有导入过账单。建议每月导入一次。">
          {(i) => (
            <Row key={i.id}>
              <TimeText at={i.createdAt} />
              <span>{channelLabel(i.channel)}</span>
              <span className="text-stone-500">{i.fileName}</span>
              {i.summary && (
                <span className="text-stone-600">
                  收入 {i.summary.incomes} 笔：已确认 {i.summary.alreadySettled}，补记 {i.summary.settled}，待处理 {i.summary.inbox}
                  ，账单中没有 {i.summary.notInBill}
                </span>
              )}
            </Row>
          )}
        </ItemList>
      </Card>
    </>
  );
}
