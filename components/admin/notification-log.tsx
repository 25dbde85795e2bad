"use client";
import { formatCents } from "@/lib/money";
import { useAdmin } from "@/lib/swr/use-admin";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { TimeText } from "@/components/admin/time-text";
import { channelLabel } from "@/lib/channels";
import { protocolLabel } from "@/lib/protocols";
import type { NotificationView } from "@/lib/notify/audit";

const OUTCOME: Record<string, [string, string]> = {
  matched: ["已匹配订单", "text-emerald-700"],
  late_matched: ["迟到匹配", "text-emerald-700"],
  unmatched: ["未匹配（进入待处理收款）", "text-amber-700"],
  ignored: ["已忽略（不是新收款）", "text-stone-500"],
  duplicate: ["重复通知（未重复入账）", "text-stone-500"],
  heartbeat: ["心跳", "text-stone-400"],
  rejected: ["已拒绝", "text-red-600"],
};

/** Why each notification counted or not: verification, then the parser's reading, then the outcome. */
function reason(n: NotificationView): string {
  if (n.verifyResult && n.verifyResult !== "ok") return `验证失败：${n.verifyResult}`;
  const p = n.parseResult;
  if (!p || typeof p !== "object") return "";
  if (p.ignored) return `原因：${p.ignored}`;
  if (p.channel && typeof p.amountCents === "number") return `识别为${channelLabel(p.channel)} ¥${formatCents(p.amountCents)}`;
  return JSON.stringify(p);
}

export function NotificationLog() {
  const { data, error } = useAdmin<{ items: NotificationView[] }>("/api/admin/notifications", 5000);
  return (
    <Card title="通知日志">
      <Notice error={error} feature="通知日志" />
      {data?.items.length === 0 && <p className="text-sm text-stone-500">还没有收到任何通知。</p>}
      <ul className="divide-y divide-stone-100">
        {data?.items.map((n) => {
          const [label, color] = OUTCOME[n.outcome ?? ""] ?? [n.outcome ?? "处理中", "text-stone-500"];
          return (
            <li key={n.id} className="py-2 text-sm">
              <div className="flex flex-wrap gap-x-3">
                <TimeText at={n.receivedAt} />
                <span className="text-stone-500">{protocolLabel(n.protocol)}</span>
                {n.deviceId && <span className="font-mono text-xs text-stone-400">{n.deviceId}</span>}
                <span className={`font-medium ${color}`}>{label}</span>
                <span className="text-stone-600">{reason(n)}</span>
              </div>
              <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap break-all rounded bg-stone-50 p-2 text-xs text-stone-700">
                {n.body}
              </pre>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
