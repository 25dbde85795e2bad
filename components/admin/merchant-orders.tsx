"use client";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { channelLabel } from "@/lib/channels";
import { gatewayProtocolLabel, isNotifyFailed, isPaidStatus, MERCHANT_ORDER_STATUS } from "@/lib/gateway/protocol";
import type { Json } from "@/lib/client/api";
import type { MerchantOrderAdminView } from "@/lib/gateway/admin";
import { ActionButton, ItemList, Row, StateBadge, TimeText } from "@/components/admin/kit";

type OrderRow = Json<MerchantOrderAdminView>;

/** One merchant's latest orders, with what its notify URL answered and 「重新通知」. */
export function MerchantOrders({ pid }: { pid: number }) {
  const { data, error, mutate } = useAdmin<{ items: OrderRow[] }>(`/api/admin/merchants/${pid}/orders`, 5000);
  return (
    <div className="mt-2">
      <ItemList items={data?.items} error={error} empty="还没有订单。" refresh={mutate} testId="merchant-orders">
        {(o) => (
          <Row key={o.tradeNo} stack>
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
              <StateBadge vocab={MERCHANT_ORDER_STATUS} state={o.status} />
              <span className="text-stone-500">
                <TimeText at={o.createdAt} />
              </span>
              {isPaidStatus(o.status) && (
                <ActionButton action={() => adminSend("POST", `/api/admin/merchant-orders/${o.tradeNo}/renotify`)}>重新通知</ActionButton>
              )}
            </div>
            {o.lastNotifyResponse && (
              <p className={`break-all text-xs ${isNotifyFailed(o.status) ? "text-red-700" : "text-stone-500"}`}>
                通知 {o.notifyAttempts} 次，最近 <TimeText at={o.lastNotifyAt} />：{o.lastNotifyResponse}
              </p>
            )}
          </Row>
        )}
      </ItemList>
    </div>
  );
}
