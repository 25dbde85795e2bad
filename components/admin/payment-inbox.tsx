"use client";
import { useState } from "react";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import { ApiError } from "@/lib/client/api";
import { formatCents } from "@/lib/money";
import { channelLabel } from "@/lib/channels";
import {
  BILL_MISSING_HINT,
  BILL_STATUS,
  INBOX_STATUS,
  isFromBill,
  isMissingFromBill,
  needsOwner,
  PAYMENT_ORIGIN,
  PAYMENT_STATUS,
} from "@/lib/payments/status";
import type { PaymentView } from "@/lib/payments/admin";
import { ActionButton, Card, ItemList, Row, RowActions, StateText, StatusFilter, statusOptions, TimeText } from "@/components/admin/kit";
import { ClaimInbox } from "@/components/admin/claim-inbox";

// The inbox (待处理) first: it is the page's default view.
const FILTERS = statusOptions(PAYMENT_STATUS, INBOX_STATUS);

async function assign(p: PaymentView) {
  const orderId = prompt(`把 ¥${formatCents(p.amountCents)} 这笔收款分配给哪个订单？请输入订单号：`)?.trim();
  if (!orderId) return;
  try {
    await adminSend("POST", `/api/admin/payments/${p.id}/assign`, { orderId });
  } catch (e) {
    // Channel or amount does not fit the order: show why, and let the owner insist.
    if (!(e instanceof ApiError && e.code === "payment_mismatch")) throw e;
    if (!confirm(`${e.message}\n\n仍然分配给订单 ${orderId}？`)) return;
    await adminSend("POST", `/api/admin/payments/${p.id}/assign`, { orderId, force: true });
  }
}

/** Payments, with the unmatched inbox first: assign one to an order, or mark it refunded. */
export function PaymentInbox() {
  const [status, setStatus] = useState<string>(INBOX_STATUS);
  const { data, error, mutate } = useAdmin<{ items: PaymentView[] }>(`/api/admin/payments${status ? `?status=${status}` : ""}`, 5000);
  const inbox = status === INBOX_STATUS;
  return (
    <>
      <ClaimInbox onChange={() => void mutate()} />
      <Card title="收款" action={<StatusFilter value={status} onChange={setStatus} options={FILTERS} />}>
        <ItemList
          items={data?.items}
          error={error}
          feature="收款列表"
          empty={inbox ? "没有待处理的收款。" : "没有符合条件的收款。"}
          refresh={mutate}
        >
          {(p) => (
            <Row key={p.id}>
              <span className="w-20 font-semibold">¥{formatCents(p.amountCents)}</span>
              <span>{channelLabel(p.channel)}</span>
              <StateText vocab={PAYMENT_STATUS} state={p.status} />
              <TimeText at={p.receivedAt} />
              {p.orderId && <span className="font-mono text-xs text-stone-500">订单 {p.orderId}</span>}
              {p.suspectedDuplicateOf && <span className="text-xs font-medium text-amber-700">疑似重复通知</span>}
              {isFromBill(p.origin) && <span className="text-xs font-medium text-blue-700">{PAYMENT_ORIGIN.label(p.origin)}</span>}
              {isMissingFromBill(p.billStatus) && (
                <span className="text-xs font-medium text-red-700" title="导入的官方账单里没有这笔钱">
                  {BILL_STATUS.label(p.billStatus)}：{BILL_MISSING_HINT}
                </span>
              )}
              {p.source && (
                <span className="text-xs text-stone-400">
                  {p.source.protocol} · {p.source.text}
                </span>
              )}
              {p.note && <span className="text-xs text-stone-500">备注：{p.note}</span>}
              {needsOwner(p.status) && (
                <RowActions>
                  <ActionButton tone="link" action={() => assign(p)}>
                    分配给订单
                  </ActionButton>
                  <ActionButton
                    confirm={`确认已把 ¥${formatCents(p.amountCents)} 退还给付款人？`}
                    action={() => adminSend("POST", `/api/admin/payments/${p.id}/refund`, {})}
                  >
                    标记已退款
                  </ActionButton>
                </RowActions>
              )}
            </Row>
          )}
        </ItemList>
      </Card>
    </>
  );
}
