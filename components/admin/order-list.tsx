"use client";
import { useState } from "react";
import { useAdmin } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { channelLabel } from "@/lib/channels";
import { ORDER_STATUS } from "@/lib/orders/status";
import { ORDER_KIND_LABEL } from "@/lib/targets";
import type { AdminOrderView } from "@/lib/orders/admin";
import { Badge, Card, DataTable, StatusFilter, statusOptions, TimeText, type Column } from "@/components/admin/kit";

const FILTERS = statusOptions(ORDER_STATUS);

const COLUMNS: Column<AdminOrderView>[] = [
  { head: "订单号", cell: (o) => o.id, className: "font-mono text-xs" },
  { head: "类型", cell: (o) => ORDER_KIND_LABEL[o.kind] ?? o.kind },
  { head: "内容", cell: (o) => o.title, className: "max-w-[12rem] truncate" },
  { head: "渠道", cell: (o) => channelLabel(o.channel) },
  {
    head: "金额",
    cell: (o) => (
      <>
        ¥{formatCents(o.amountCents)}
        {o.discountCents > 0 && <span className="text-xs text-emerald-700"> 券-{formatCents(o.discountCents)}</span>}
        {o.amountCents !== o.listPriceCents && <span className="text-xs text-stone-400"> / ¥{formatCents(o.listPriceCents)}</span>}
      </>
    ),
  },
  {
    head: "状态",
    cell: (o) => (
      <>
        {ORDER_STATUS.label(o.status)} {o.late && <Badge tone="warn">迟到</Badge>}
      </>
    ),
  },
  { head: "创建", cell: (o) => <TimeText at={o.createdAt} /> },
  { head: "支付", cell: (o) => <TimeText at={o.paidAt} /> },
];

export function OrderList() {
  const [status, setStatus] = useState("");
  const { data, error } = useAdmin<{ items: AdminOrderView[] }>(`/api/admin/orders${status ? `?status=${status}` : ""}`, 5000);
  return (
    <Card title="订单" action={<StatusFilter value={status} onChange={setStatus} options={FILTERS} />}>
      <DataTable
        items={data?.items}
        error={error}
        feature="订单列表"
        empty="没有符合条件的订单。"
        columns={COLUMNS}
        rowKey={(o) => o.id}
        minWidth="36rem"
      />
    </Card>
  );
}
