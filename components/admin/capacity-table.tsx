"use client";
import { useAdmin } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { Notice } from "@/components/admin/notice";
import { CHANNEL_LABEL } from "@/lib/channels";
import type { CapacityRow } from "@/lib/orders/capacity";

/** How many readers can pay each list price at once (computed by the server's allocation rules). */
export function CapacityTable({ version }: { version: number }) {
  const { data, error } = useAdmin<{ items: CapacityRow[] }>(`/api/admin/capacity?v=${version}`);
  if (error) return <Notice error={error} feature="同时付款容量" />;
  if (!data) return null;
  if (data.items.length === 0) return <p className="text-sm text-stone-500">暂无付费文章。</p>;
  return (
    <table className="w-full text-sm">
      <thead className="text-left text-stone-500">
        <tr>
          <th className="py-1">价格</th>
          <th>渠道</th>
          <th>可同时付款人数</th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((r) => (
          <tr key={`${r.priceCents}:${r.channel}`} className="border-t border-stone-100">
            <td className="py-1">¥{formatCents(r.priceCents)}</td>
            <td>{CHANNEL_LABEL[r.channel]}</td>
            <td className={r.capacity === 0 ? "font-medium text-red-600" : ""}>{r.capacity === 0 ? "0（无可用收款码）" : r.capacity}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
