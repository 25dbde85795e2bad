"use client";
import { adminSend } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { channelLabel } from "@/lib/channels";
import { SWITCH_STATE, switchState } from "@/lib/vocabulary";
import type { ApiError, Json } from "@/lib/client/api";
import type { QrRow } from "@/lib/qr/admin";
import { QrCode } from "@/components/qr-code";
import { ActionButton, Badge, ListStates } from "@/components/admin/kit";

export type AdminQrRow = Json<QrRow>;

/** A fixed-amount code's own daily count (Alipay caps how often a set-amount code may be paid a day). */
async function editDailyCount(q: AdminQrRow) {
  const v = prompt("这个固定金额码每天最多收几笔？（支付宝限制固定金额码的每日次数；留空表示不限）", q.perDayCount?.toString() ?? "");
  if (v === null) return;
  await adminSend("PATCH", `/api/admin/qr-codes/${q.id}`, { perDayCount: v.trim() === "" ? null : Number(v) });
}

export function QrList({ items, error, onChange }: { items: AdminQrRow[] | undefined; error?: ApiError; onChange: () => void }) {
  return (
    <ListStates items={items} error={error} empty="还没有收款码：读者暂时无法付款。" refresh={onChange}>
      {(codes) => (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {codes.map((q) => {
            const name = `${channelLabel(q.channel)} ${q.amountCents ? `¥${formatCents(q.amountCents)}` : "通用码"}`;
            return (
              <li
                key={q.id}
                className={`rounded-lg border p-3 ${q.enabled ? "border-stone-200" : "border-dashed border-stone-300 opacity-60"}`}
              >
                <QrCode payload={q.payload} label={`${name} 收款码`} size={140} />
                <p className="mt-2 text-center font-medium">
                  {q.demo && (
                    <span className="mr-1">
                      <Badge tone="neutral" title="演示数据里的假收款码，只在演示模式下使用">
                        演示
                      </Badge>
                    </span>
                  )}
                  {name}
                  {q.enabled ? "" : `（${SWITCH_STATE.label(switchState(q.enabled))}）`}
                </p>
                <p className="truncate text-center text-xs text-stone-500" title={q.payload}>
                  {q.label ?? q.payload}
                </p>
                {q.accountName && <p className="text-center text-xs text-stone-500">收款账户：{q.accountName}</p>}
                {q.amountCents !== null && (
                  <p className="text-center text-xs text-stone-500">
                    每日最多 {q.perDayCount ?? "不限"} 笔
                    <ActionButton className="ml-1" action={() => editDailyCount(q)}>
                      修改
                    </ActionButton>
                  </p>
                )}
                <div className="mt-2 flex justify-center gap-3 text-sm">
                  <ActionButton action={() => adminSend("PATCH", `/api/admin/qr-codes/${q.id}`, { enabled: !q.enabled })}>
                    {q.enabled ? "停用" : "启用"}
                  </ActionButton>
                  <ActionButton tone="danger" confirm={`删除 ${name}？`} action={() => adminSend("DELETE", `/api/admin/qr-codes/${q.id}`)}>
                    删除
                  </ActionButton>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </ListStates>
  );
}
