"use client";
import { useAdmin } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { CHANNEL_LABEL } from "@/lib/channels";
import { AMOUNT_DIRECTION_LABEL } from "@/lib/orders/allocation";
import { ACCOUNT_STATE, accountState } from "@/lib/accounts/state";
import type { Json } from "@/lib/client/api";
import type { capacityReport } from "@/lib/orders/capacity";
import { DataTable, Notice, type Column } from "@/components/admin/kit";

type Report = Json<Awaited<ReturnType<typeof capacityReport>>>;
type Price = Report["items"][number];

const range = (r: Price) =>
  r.minCents === r.maxCents ? `¥${formatCents(r.minCents)}` : `¥${formatCents(r.minCents)}–¥${formatCents(r.maxCents)}`;

function columns(names: Map<string, string>): Column<Price>[] {
  return [
    { head: "价格", cell: (r) => `¥${formatCents(r.priceCents)}` },
    { head: "渠道", cell: (r) => CHANNEL_LABEL[r.channel] },
    { head: "实付范围", className: "text-stone-600", cell: range },
    {
      head: "可同时付款人数",
      className: (r) => (r.capacity === 0 ? "font-medium text-red-600" : ""),
      cell: (r) => (r.capacity === 0 ? "0（无可用收款码）" : r.capacity),
    },
    {
      head: "占用中",
      className: (r) => (r.capacity > 0 && r.heldNow >= r.capacity ? "font-medium text-amber-700" : "text-stone-600"),
      cell: (r) => r.heldNow,
    },
    {
      head: "按账户（占用/容量）",
      className: "text-xs text-stone-500",
      cell: (r) =>
        r.byAccount.map((b) => (
          <span key={b.accountId} className={`mr-2 ${b.usable ? "" : "line-through"}`}>
            {names.get(b.accountId)} {b.heldNow}/{b.capacity}
          </span>
        )),
    },
  ];
}

/** How many readers can pay each list price at once (computed by the server's allocation rules). */
export function CapacityTable({ version }: { version: number }) {
  const { data, error } = useAdmin<Report>(`/api/admin/capacity?v=${version}`);
  if (error) return <Notice error={error} feature="同时付款容量" />;
  if (!data) return null;
  const p = data.policy;
  return (
    <>
      {data.items.length > 0 && (
        <>
          <p className="mb-2 text-xs text-stone-500" data-testid="price-band">
            读者实付金额在标价的 {100 - p.maxDiscountPercent}%{p.direction === "down" ? "" : `–${100 + p.maxMarkupPercent}%`} 之间（
            {AMOUNT_DIRECTION_LABEL[p.direction]}，每次 1 分，最多 {p.steps} 步）。
            名额用满时新读者会看到「请稍后再试」，绝不会降到更低的价格。容量 = 价格区间内的金额数 × 可分配的收款账户数（启用且手机在线）：
            想容纳更多同时付款的读者，请在「收款账户」页添加账户。
          </p>
          <p className="mb-2 text-xs text-stone-600" data-testid="accounts-held">
            当前占用：
            {data.accounts.map((a) => (
              <span key={a.id} className="mr-3">
                {CHANNEL_LABEL[a.channel]}·{a.name} {a.heldNow} 个
                {a.usable ? "" : `（未分配：${ACCOUNT_STATE.label(accountState({ enabled: a.enabled, online: a.usable }))}）`}
              </span>
            ))}
            合计 {data.accounts.reduce((n, a) => n + a.heldNow, 0)} 个
          </p>
        </>
      )}
      <DataTable
        items={data.items}
        empty="暂无付费文章。"
        columns={columns(new Map(data.accounts.map((a) => [a.id, a.name])))}
        rowKey={(r) => `${r.priceCents}:${r.channel}`}
      />
    </>
  );
}
