"use client";
import { useAdmin } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { Notice } from "@/components/admin/notice";
import { CHANNEL_LABEL } from "@/lib/channels";
import type { Json } from "@/lib/client/api";
import type { capacityReport } from "@/lib/orders/capacity";

type Report = Json<Awaited<ReturnType<typeof capacityReport>>>;

const DIRECTION = { down: "只降价", up: "只加价", both: "上下浮动" } as const;

/** How many readers can pay each list price at once (computed by the server's allocation rules). */
export function CapacityTable({ version }: { version: number }) {
  const { data, error } = useAdmin<Report>(`/api/admin/capacity?v=${version}`);
  if (error) return <Notice error={error} feature="同时付款容量" />;
  if (!data) return null;
  if (data.items.length === 0) return <p className="text-sm text-stone-500">暂无付费文章。</p>;
  const p = data.policy;
  const names = new Map(data.accounts.map((a) => [a.id, a.name]));
  return (
    <>
      <p className="mb-2 text-xs text-stone-500" data-testid="price-band">
        读者实付金额在标价的 {100 - p.maxDiscountPercent}%{p.direction === "down" ? "" : `–${100 + p.maxMarkupPercent}%`} 之间（
        {DIRECTION[p.direction]}，每次 1 分，最多 {p.steps} 步）。 名额用满时新读者会看到「请稍后再试」，绝不会降到更低的价格。容量 =
        价格区间内的金额数 × 可分配的收款账户数（启用且手机在线）： 想容纳更多同时付款的读者，请在「收款账户」页添加账户。
      </p>
      <p className="mb-2 text-xs text-stone-600" data-testid="accounts-held">
        当前占用：
        {data.accounts.map((a) => (
          <span key={a.id} className="mr-3">
            {CHANNEL_LABEL[a.channel]}·{a.name} {a.heldNow} 个{a.usable ? "" : "（未分配：" + (a.enabled ? "手机离线" : "已停用") + "）"}
          </span>
        ))}
        合计 {data.accounts.reduce((n, a) => n + a.heldNow, 0)} 个
      </p>
      <table className="w-full text-sm">
        <thead className="text-left text-stone-500">
          <tr>
            <th className="py-1">价格</th>
            <th>渠道</th>
            <th>实付范围</th>
            <th>可同时付款人数</th>
            <th>占用中</th>
            <th>按账户（占用/容量）</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((r) => (
            <tr key={`${r.priceCents}:${r.channel}`} className="border-t border-stone-100">
              <td className="py-1">¥{formatCents(r.priceCents)}</td>
              <td>{CHANNEL_LABEL[r.channel]}</td>
              <td className="text-stone-600">
                {r.minCents === r.maxCents ? `¥${formatCents(r.minCents)}` : `¥${formatCents(r.minCents)}–¥${formatCents(r.maxCents)}`}
              </td>
              <td className={r.capacity === 0 ? "font-medium text-red-600" : ""}>{r.capacity === 0 ? "0（无可用收款码）" : r.capacity}</td>
              <td className={r.capacity > 0 && r.heldNow >= r.capacity ? "font-medium text-amber-700" : "text-stone-600"}>{r.heldNow}</td>
              <td className="text-xs text-stone-500">
                {r.byAccount.map((b) => (
                  <span key={b.accountId} className={`mr-2 ${b.usable ? "" : "line-through"}`}>
                    {names.get(b.accountId)} {b.heldNow}/{b.capacity}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
