"use client";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import { ApiError } from "@/lib/client/api";
import { formatCents } from "@/lib/money";
import { channelLabel } from "@/lib/channels";
import type { AdminClaimView } from "@/lib/claims/admin";
import { ActionButton, Card, ItemList, Row, TimeText } from "@/components/admin/kit";

async function accept(c: AdminClaimView, paymentId?: string) {
  try {
    await adminSend("POST", `/api/admin/claims/${c.id}/accept`, { paymentId });
  } catch (e) {
    if (!(e instanceof ApiError && e.code === "payment_mismatch")) throw e;
    if (!confirm(`${e.message}\n\n仍然确认？`)) return;
    await adminSend("POST", `/api/admin/claims/${c.id}/accept`, { paymentId, force: true });
  }
}

async function reject(c: AdminClaimView) {
  const note = prompt("驳回原因（读者会看到，可留空）：");
  if (note !== null) await adminSend("POST", `/api/admin/claims/${c.id}/reject`, { note: note.trim() || undefined });
}

/**
 * Readers' 我已付款 reports, each beside the unmatched payments that could be
 * theirs (same channel and amount): one click assigns one and unlocks the reader.
 */
export function ClaimInbox({ onChange }: { onChange: () => void }) {
  const { data, error, mutate } = useAdmin<{ items: AdminClaimView[] }>("/api/admin/claims?status=pending", 5000);
  const done = async () => {
    await mutate();
    onChange();
  };
  if (!error && data?.items.length === 0) return null;
  return (
    <Card title="读者报告的付款">
      <ItemList items={data?.items} error={error} feature="读者付款报告" empty={null} refresh={done}>
        {(c) => (
          <Row key={c.id} stack testId="claim-row">
            <p className="flex flex-wrap items-center gap-x-3">
              <span className="font-semibold">¥{formatCents(c.amountCents)}</span>
              <span>{channelLabel(c.channel)}</span>
              <span>
                读者说付于 <TimeText at={c.paidAt} />
              </span>
              <span className="text-stone-500">《{c.title}》</span>
              {c.order && <span className="font-mono text-xs text-stone-400">订单 {c.order.id}</span>}
              {c.readerUnlocked && <span className="text-xs font-medium text-emerald-700">读者已解锁</span>}
            </p>
            {c.note && <p className="text-stone-600">读者备注：{c.note}</p>}
            <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
              {c.candidates.length > 0 ? (
                c.candidates.map((p) => (
                  <ActionButton key={p.id} tone="confirm" action={() => accept(c, p.id)}>
                    分配 <TimeText at={p.receivedAt} /> 到账的 ¥{formatCents(p.amountCents)}
                  </ActionButton>
                ))
              ) : (
                <span className="text-stone-500">没有金额相同的未匹配收款。</span>
              )}
              <ActionButton
                confirm={`没有对应的到账通知。请先在${channelLabel(c.channel)}账单里核对确有 ¥${formatCents(c.amountCents)} 这笔收款。确认收到并为读者解锁？`}
                action={() => accept(c)}
              >
                已在账单核对，确认收到
              </ActionButton>
              <ActionButton action={() => reject(c)}>驳回</ActionButton>
            </div>
          </Row>
        )}
      </ItemList>
    </Card>
  );
}
