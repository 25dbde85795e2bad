"use client";
import { adminSend } from "@/lib/swr/use-admin";
import type { ApiError, Json } from "@/lib/client/api";
import type { listBatches } from "@/lib/redeem/admin";
import { CODE_STATUS } from "@/lib/redeem/status";
import { ActionButton, Card, ItemList, Row, TimeText } from "@/components/admin/kit";

export type Batch = Json<Awaited<ReturnType<typeof listBatches>>[number]>;

interface RedeemBatchesProps {
  batches: Batch[] | undefined;
  error: ApiError | undefined;
  onChange: () => unknown;
}

/** The batches of redeem codes: what they grant, how many are used, export and revoke. */
export function RedeemBatches({ batches, error, onChange }: RedeemBatchesProps) {
  return (
    <Card
      title="兑换码批次"
      action={
        <a href="/api/admin/redeem-codes/export" className="text-sm text-stone-600 underline">
          导出全部 CSV
        </a>
      }
    >
      <ItemList items={batches} error={error} empty="还没有兑换码。" refresh={onChange}>
        {(b) => (
          <Row key={b.batchId}>
            <span className="min-w-0 flex-1">
              {b.appliesTo}
              {b.note && <span className="text-stone-500"> · {b.note}</span>}
            </span>
            <span className="text-stone-500">
              <TimeText at={b.createdAt} />
            </span>
            <span>{CODE_STATUS.values.map((s) => `${CODE_STATUS.label(s)} ${b.counts[s]}`).join(" · ")}</span>
            <a href={`/api/admin/redeem-codes/export?batch=${b.batchId}`} className="text-stone-600 underline">
              导出 CSV
            </a>
            {b.counts.unused > 0 && (
              <ActionButton
                tone="danger"
                confirm={`作废这一批中 ${b.counts.unused} 个未使用的兑换码？已兑换的不受影响。`}
                action={() => adminSend("POST", "/api/admin/redeem-codes/revoke", { batch: b.batchId })}
              >
                作废未使用
              </ActionButton>
            )}
          </Row>
        )}
      </ItemList>
    </Card>
  );
}
