"use client";
import { useState } from "react";
import { useAdmin } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { TimeText } from "@/components/admin/time-text";
import { StatusFilter } from "@/components/admin/status-filter";
import { channelLabel } from "@/lib/channels";
import type { AdminOrderView } from "@/lib/orders/admin";
import { ORDER_KIND_LABEL } from "@/lib/targets";
import { ORDER_STATUS } from "@/lib/orders/status";

const STATUSES = [["", "全部"], ...ORDER_STATUS.values.map((v) => [v, ORDER_STATUS.label(v)] as const)] as const;

export function OrderList() {
  const [status, setStatus] = useState("");
  const { data, error } = useAdmin<{ items: AdminOrderView[] }>(`/api/admin/orders${status ? `?status=${status}` : ""}`, 5000);
  return (
    <Card title="订单" action={<StatusFilter value={status} onChange={setStatus} options={STATUSES} />}>
      <Notice error={error} feature="订单列表" />
      {data?.items.length === 0 && <p className="text-sm text-stone-500">没有符合条件的订单。</p>}
      {data && data.items.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-sm">
            <thead className="text-left text-stone-500">
              <tr>
                <th className="py-1">订单号</th>
                <th>类型</th>
                <th>内容</th>
                <th>渠道</th>
                <th>金额</th>
                <th>状态</th>
                <th>创建</th>
                <th>支付</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((o) => (
                <tr key={o.id} className="border-t border-stone-100">
                  <td className="py-1 font-mono text-xs">{o.id}</td>
                  <td>{ORDER_KIND_LABEL[o.kind] ?? o.kind}</td>
                  <td className="max-w-[12rem] truncate">{o.title}</td>
                  <td>{channelLabel(o.channel)}</td>
                  <td>
                    ¥{formatCents(o.amountCents)}
                    {o.discountCents > 0 && <span className="text-xs text-emerald-700"> 券-{formatCents(o.discountCents)}</span>}
                    {o.amountCents !== o.listPriceCents && (
                      <span className="text-xs text-stone-400"> / ¥{formatCents(o.listPriceCents)}</span>
                    )}
                  </td>
                  <td>
                    {ORDER_STATUS.label(o.status)}
                    {o.late && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-800">迟到</span>}
                  </td>
                  <td>
                    <TimeText at={o.createdAt} />
                  </td>
                  <td>
                    <TimeText at={o.paidAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
