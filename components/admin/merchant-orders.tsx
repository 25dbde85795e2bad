"use client";
import { useAdmin, adminAction, adminSend } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { channelLabel } from "@/lib/channels";
import { gatewayProtocolLabel, MERCHANT_ORDER_STATUS } from "@/lib/gateway/protocol";
import type { Json } from "@/lib/client/api";
import type { MerchantOrderAdminView } from "@/lib/gateway/admin";
import { Notice } from "@/components/admin/notice";
import { TimeText } from "@/components/admin/time-text";

type Row = Json<MerchantOrderAdminView>;

const STATUS_CLASS: Record<string, string> = {
  pending: "bg-stone-200 text-stone-700",
  paid: "bg-emerald-100 text-emerald-800",
  paid_notify_failed: "bg-red-100 text-red-800",
  closed: "bg-stone-100 text-stone-500",
};

/** One merchant's latest orders, with what its notify URL answered and 「重新通知」. */
export function MerchantOrders({ pid }: { pid: number }) {
  const { data, error, mutate } = useAdmin<{ items: Row[] }>(`/api/admin/merchants/${pid}/orders`, 5000);
  const resend = (o: Row) => adminAction(() => adminSend("POST", `/api/admin/merchant-orders/${o.tradeNo}/renotify`), mutate);
  return (
    <div className="mt-2">
      <Notice error={error} />
      {data?.items.length === 0 && <p className="text-sm text-stone-500">还没有订单。</p>}
      <ul className="divide-y divide-stone-100 text-sm" data-testid="merchant-orders">
        {data?.items.map((o) => (
          <li key={o.tradeNo} className="py-2">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono">{o.tradeNo}</span>
              <span className="text-stone-500">商户单号 {o.outTradeNo}</span>
              <span>{o.name}</span>
              <span>¥{formatCents(o.priceCents)}</span>
              {o.paidCents !== null && o.paidCents !== o.priceCents && (
                <span className="text-stone-500">实付 ¥{formatCents(o.paidCents)}</span>
              )}
              <span className="text-stone-500">
                {gatewayProtocolLabel(o.protocol)} · {o.channel ? channelLabel(o.channel) : "未选渠道"}
              </span>
              <span className={`rounded px-1.5 text-xs ${STATUS_CLASS[o.status ?? ""] ?? ""}`}>
                {MERCHANT_ORDER_STATUS.label(o.status)}
              </span>
              <span className="text-stone-500">
                <TimeText at={o.createdAt} />
              </span>
              {(o.status === "paid" || o.status === "paid_notify_failed") && (
                <button type="button" onClick={() => resend(o)} className="text-stone-600 underline">
                  重新通知
                </button>
              )}
            </div>
            {o.lastNotifyResponse && (
              <p className={`mt-1 break-all text-xs ${o.status === "paid_notify_failed" ? "text-red-700" : "text-stone-500"}`}>
                通知 {o.notifyAttempts} 次，最近 <TimeText at={o.lastNotifyAt} />：{o.lastNotifyResponse}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
