"use client";
import { adminAction, adminSend } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { QrCode } from "@/components/qr-code";
import { channelLabel } from "@/lib/channels";
import type { Json } from "@/lib/client/api";
import type { QrRow } from "@/lib/qr/admin";

export type AdminQrRow = Json<QrRow>;

export function QrList({ items, onChange }: { items: AdminQrRow[]; onChange: () => void }) {
  const act = (run: () => Promise<unknown>) => adminAction(run, onChange);
  if (items.length === 0) return <p className="text-sm text-stone-500">还没有收款码：读者暂时无法付款。</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((q) => {
        const name = `${channelLabel(q.channel)} ${q.amountCents ? `¥${formatCents(q.amountCents)}` : "通用码"}`;
        return (
          <li
            key={q.id}
            className={`rounded-lg border p-3 ${q.enabled ? "border-stone-200" : "border-dashed border-stone-300 opacity-60"}`}
          >
            <QrCode payload={q.payload} label={`${name} 收款码`} size={140} />
            <p className="mt-2 text-center font-medium">
              {q.demo && (
                <span
                  className="mr-1 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-800"
                  title="演示数据里的假收款码，只在演示模式下使用"
                >
                  演示
                </span>
              )}
              {name}
              {q.enabled ? "" : "（已停用）"}
            </p>
            <p className="truncate text-center text-xs text-stone-500" title={q.payload}>
              {q.label ?? q.payload}
            </p>
            {q.accountName && <p className="text-center text-xs text-stone-500">收款账户：{q.accountName}</p>}
            {q.amountCents !== null && (
              <p className="text-center text-xs text-stone-500">
                每日最多 {q.perDayCount ?? "不限"} 笔
                <button
                  type="button"
                  className="ml-1 underline"
                  onClick={() => {
                    const v = prompt(
                      "这个固定金额码每天最多收几笔？（支付宝限制固定金额码的每日次数；留空表示不限）",
                      q.perDayCount?.toString() ?? "",
                    );
                    if (v !== null)
                      void act(() =>
                        adminSend("PATCH", `/api/admin/qr-codes/${q.id}`, { perDayCount: v.trim() === "" ? null : Number(v) }),
                      );
                  }}
                >
                  修改
                </button>
              </p>
            )}
            <div className="mt-2 flex justify-center gap-3 text-sm">
              <button
                type="button"
                className="underline"
                onClick={() => act(() => adminSend("PATCH", `/api/admin/qr-codes/${q.id}`, { enabled: !q.enabled }))}
              >
                {q.enabled ? "停用" : "启用"}
              </button>
              <button
                type="button"
                className="text-red-600 underline"
                onClick={() => confirm(`删除 ${name}？`) && act(() => adminSend("DELETE", `/api/admin/qr-codes/${q.id}`))}
              >
                删除
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
