"use client";
import { useState } from "react";
import { adminSend } from "@/lib/swr/use-admin";
import { ApiError, type Json } from "@/lib/client/api";
import { EVENT_LABEL } from "@/lib/alerts/events";
import { JOB_STATUS, willRetry } from "@/lib/jobs/status";
import { SWITCH_STATE, switchState } from "@/lib/vocabulary";
import { ActionButton, Badge, Button, ItemList, Row, StateText, TimeText } from "@/components/admin/kit";
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
      <Button tone="outline" onClick={run}>
        发送测试
      </Button>
      {result && (
        <span role="status" className={result.ok ? "text-emerald-700" : "text-red-600"}>
          {result.text}
        </span>
      )}
    </span>
  );
}

export function AlertList({ items, error, onChange }: { items: AlertRow[] | undefined; error?: ApiError; onChange: () => void }) {
  return (
    <ItemList items={items} error={error} feature="提醒" empty="还没有设置提醒：出了问题只能在后台看到。" refresh={onChange}>
      {(a) => (
        <Row key={a.id} stack testId="alert-row">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium">{a.name}</span>
            <span className="text-stone-500">{a.kindLabel}</span>
            <span className="truncate text-stone-400">{a.target}</span>
            {!a.enabled && <StateText vocab={SWITCH_STATE} state={switchState(a.enabled)} />}
            {a.allowPrivate && (
              <Badge tone="warn" title="此提醒可以发往本机或局域网地址">
                允许内网地址
              </Badge>
            )}
            <span className="ml-auto flex gap-2">
              <TestButton id={a.id} />
              <ActionButton tone="outline" action={() => adminSend("PATCH", `/api/admin/alerts/${a.id}`, { enabled: !a.enabled })}>
                {a.enabled ? "停用" : "启用"}
              </ActionButton>
              <ActionButton
                tone="danger-outline"
                confirm={`删除提醒「${a.name}」？`}
                action={() => adminSend("DELETE", `/api/admin/alerts/${a.id}`)}
              >
                删除
              </ActionButton>
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
          {a.deliveries.length > 0 && <Deliveries deliveries={a.deliveries} />}
        </Row>
      )}
    </ItemList>
  );
}

function Deliveries({ deliveries }: { deliveries: AlertRow["deliveries"] }) {
  return (
    <details className="text-xs text-stone-500">
      <summary className="cursor-pointer">最近 {deliveries.length} 次发送</summary>
      <ul className="mt-1 space-y-0.5">
        {deliveries.map((d) => (
          <li key={d.id}>
            <TimeText at={d.createdAt} /> {d.eventType ? (EVENT_LABEL[d.eventType as keyof typeof EVENT_LABEL] ?? d.eventType) : ""} ·{" "}
            {JOB_STATUS.label(d.status)}（第 {d.attempts}/{d.maxAttempts} 次）
            {willRetry(d) && (
              <>
                ，下次 <TimeText at={d.runAt} />
              </>
            )}
            {d.lastError && <span className="text-red-600"> · {d.lastError}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
