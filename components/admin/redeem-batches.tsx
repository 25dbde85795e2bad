"use client";
import { adminAction, adminSend } from "@/lib/swr/use-admin";
import type { ApiError, Json } from "@/lib/client/api";
import type { listBatches } from "@/lib/redeem/admin";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { TimeText } from "@/components/admin/time-text";

export type Batch = Json<Awaited<ReturnType<typeof listBatches>>[number]>;

interface RedeemBatchesProps {
  batches: Batch[] | undefined;
  error: ApiError | undefined;
  onChange: () => unknown;
}

/** The batches of redeem codes: what they grant, how many are used, export and revoke. */
export function RedeemBatches({ batches, error, onChange }: RedeemBatchesProps) {
  const revoke = (b: Batch) =>
    adminAction(async () => {
      if (confirm(`作废这一批中 ${b.counts.unused} 个未使用的兑换码？已兑换的不受影响。`))
        await adminSend("POST", "/api/admin/redeem-codes/revoke", { batch: b.batchId });
    }, onChange);
  return (
    <Card
      title="兑换码批次"
      action={
        <a href="/api/admin/redeem-codes/export" className="text-sm text-stone-600 underline">
          导出全部 CSV
        </a>
      }
    >
      <Notice error={error} />
      {batches?.length === 0 && <p className="text-sm text-stone-500">还没有兑换码。</p>}
      <ul className="divide-y divide-stone-100 text-sm">
        {batches?.map((b) => (
          <li key={b.batchId} className="flex flex-wrap items-center gap-2 py-2">
            <span className="min-w-0 flex-1">
              {b.appliesTo}
              {b.note && <span className="text-stone-500"> · {b.note}</span>}
            </span>
            <span className="text-stone-500">
              <TimeText at={b.createdAt} />
            </span>
            <span>
              未使用 {b.counts.unused} · 已兑换 {b.counts.redeemed} · 作废 {b.counts.revoked} · 过期 {b.counts.expired}
            </span>
            <a href={`/api/admin/redeem-codes/export?batch=${b.batchId}`} className="text-stone-600 underline">
              导出 CSV
            </a>
            {b.counts.unused > 0 && (
              <button type="button" onClick={() => revoke(b)} className="text-red-600 underline">
                作废未使用
              </button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
