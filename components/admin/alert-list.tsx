"use client";
import { useState } from "react";
import { adminAction, adminSend } from "@/lib/swr/use-admin";
import { ApiError, type Json } from "@/lib/client/api";
import { EVENT_LABEL } from "@/lib/alerts/events";
import { TimeText } from "@/components/admin/time-text";
import { JOB_STATUS } from "@/lib/jobs/status";
import type { AlertView } from "@/lib/alerts/admin";

export type AlertRow = Json<AlertView>;

function TestButton({ id }: { id: string }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  async function run() {
    setResult({ ok: true, text: "发送中…" });
    try {
      await adminSend("POST", `/api/admin/alerts/${id}/test`);
      setResult({ ok: true, text: "已送达，请查看手机" });
    } catch (e) {
      setResult({ ok: false, text: e instanceof ApiError ? e.message : "发送失败" });
    }
  }
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={run} className="rounded border border-stone-300 px-2 py-0.5">
        发送测试
      </button>
      {result && (
        <span role="status" className={result.ok ? "text-emerald-700" : "text-red-600"}>
          {result.text}
        </span>
      )}
    </span>
  );
}

export function AlertList({ items, onChange }: { items: AlertRow[]; onChange: () => void }) {
  const act = (run: () => Promise<unknown>) => adminAction(run, onChange);
  if (items.length === 0) return <p className="text-sm text-stone-500">还没有设置提醒：出了问题只能在后台看到。</p>;
  return (
    <ul className="divide-y divide-stone-100">
      {items.map((a) => (
        <li key={a.id} className="space-y-1 py-3 text-sm" data-testid="alert-row">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium">{a.name}</span>
            <span className="text-stone-500">{a.kindLabel}</span>
            <span className="truncate text-stone-400">{a.target}</span>
            {!a.enabled && <span className="text-stone-400">已停用</span>}
            <span className="ml-auto flex gap-2">
              <TestButton id={a.id} />
              <button
                type="button"
                onClick={() => act(() => adminSend("PATCH", `/api/admin/alerts/${a.id}`, { enabled: !a.enabled }))}
                className="rounded border border-stone-300 px-2 py-0.5"
              >
                {a.enabled ? "停用" : "启用"}
              </button>
              <button
                type="button"
                onClick={() => confirm(`删除提醒「${a.name}」？`) && act(() => adminSend("DELETE", `/api/admin/alerts/${a.id}`))}
                className="rounded border border-red-200 px-2 py-0.5 text-red-700"
              >
                删除
              </button>
            </span>
          </div>
          <p className="text-xs text-stone-500">{a.events.map((e) => EVENT_LABEL[e] ?? e).join("、")}</p>
          <p className="text-xs text-stone-500">
            最近送达 <TimeText at={a.lastSentAt} />
            {a.lastError && (
              <span className="ml-2 text-red-600">
                最近错误（
                <TimeText at={a.lastErrorAt} />
                ）：{a.lastError}
              </span>
            )}
          </p>
          {a.deliveries.length > 0 && (
            <details className="text-xs text-stone-500">
              <summary className="cursor-pointer">最近 {a.deliveries.length} 次发送</summary>
              <ul className="mt-1 space-y-0.5">
                {a.deliveries.map((d) => (
                  <li key={d.id}>
                    <TimeText at={d.createdAt} /> {d.eventType ? (EVENT_LABEL[d.eventType as keyof typeof EVENT_LABEL] ?? d.eventType) : ""}{" "}
                    · {JOB_STATUS.label(d.status)}（第 {d.attempts}/{d.maxAttempts} 次）
                    {d.status === "pending" && d.attempts > 0 && (
                      <>
                        ，下次 <TimeText at={d.runAt} />
                      </>
                    )}
                    {d.lastError && <span className="text-red-600"> · {d.lastError}</span>}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
