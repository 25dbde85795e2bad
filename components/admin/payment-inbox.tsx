"use client";
import { useState } from "react";
import { useAdmin, adminAction, adminSend } from "@/lib/swr/use-admin";
import { ApiError } from "@/lib/client/api";
import { formatCents } from "@/lib/money";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { TimeText } from "@/components/admin/time-text";
import { StatusFilter } from "@/components/admin/status-filter";
import { ClaimInbox } from "@/components/admin/claim-inbox";
import { channelLabel } from "@/lib/channels";
import type { PaymentView } from "@/lib/payments/admin";
import { PAYMENT_STATUS } from "@/lib/payments/status";

// The inbox (待处理) first, then everything, then each other state.
const FILTERS = [
  ["unmatched", PAYMENT_STATUS.label("unmatched")],
  ["", "全部"],
  ...PAYMENT_STATUS.values.filter((v) => v !== "unmatched").map((v) => [v, PAYMENT_STATUS.label(v)] as const),
] as const;

/** Payments, with the unmatched inbox first: assign one to an order, or mark it refunded. */
export function PaymentInbox() {
  const [status, setStatus] = useState("unmatched");
  const { data, error, mutate } = useAdmin<{ items: PaymentView[] }>(`/api/admin/payments${status ? `?status=${status}` : ""}`, 5000);
  const assign = (p: PaymentView) =>
    adminAction(async () => {
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
    }, mutate);
  const refund = (p: PaymentView) =>
    adminAction(async () => {
      if (confirm(`确认已把 ¥${formatCents(p.amountCents)} 退还给付款人？`))
        await adminSend("POST", `/api/admin/payments/${p.id}/refund`, {});
    }, mutate);
  return (
    <>
      <ClaimInbox onChange={() => void mutate()} />
      <Card title="收款" action={<StatusFilter value={status} onChange={setStatus} options={FILTERS} />}>
        <Notice error={error} feature="收款列表" />
        {data?.items.length === 0 && (
          <p className="text-sm text-stone-500">{status === "unmatched" ? "没有待处理的收款。" : "没有符合条件的收款。"}</p>
        )}
        <ul className="divide-y divide-stone-100">
          {data?.items.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
              <span className="w-20 font-semibold">¥{formatCents(p.amountCents)}</span>
              <span>{channelLabel(p.channel)}</span>
              <span className={p.status === "unmatched" ? "font-medium text-red-600" : "text-stone-600"}>
                {PAYMENT_STATUS.label(p.status)}
              </span>
              <TimeText at={p.receivedAt} />
              {p.orderId && <span className="font-mono text-xs text-stone-500">订单 {p.orderId}</span>}
              {p.suspectedDuplicateOf && <span className="text-xs font-medium text-amber-700">疑似重复通知</span>}
              {p.origin === "bill" && <span className="text-xs font-medium text-blue-700">对账补记（手机没有通知）</span>}
              {p.billStatus === "missing" && (
                <span className="text-xs font-medium text-red-700" title="导入的官方账单里没有这笔钱">
                  账单中没有：可能是伪造的通知
                </span>
              )}
              {p.source && (
                <span className="text-xs text-stone-400">
                  {p.source.protocol} · {p.source.text}
                </span>
              )}
              {p.note && <span className="text-xs text-stone-500">备注：{p.note}</span>}
              {p.status === "unmatched" && (
                <span className="ml-auto flex gap-3">
                  <button type="button" className="underline" onClick={() => assign(p)}>
                    分配给订单
                  </button>
                  <button type="button" className="text-stone-600 underline" onClick={() => refund(p)}>
                    标记已退款
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
