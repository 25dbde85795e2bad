"use client";
import { formatCents } from "@/lib/money";
import { useAdmin } from "@/lib/swr/use-admin";
import { channelLabel } from "@/lib/channels";
import { protocolLabel } from "@/lib/protocols";
import { NOTIFICATION_OUTCOME, outcomeLabel } from "@/lib/notify/outcome";
import type { NotificationView } from "@/lib/notify/audit";
import { Card, ItemList, Row, TimeText } from "@/components/admin/kit";
import { TONE_TEXT } from "@/components/tone";

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
      <ItemList items={data?.items} error={error} feature="通知日志" empty="还没有收到任何通知。">
        {(n) => (
          <Row key={n.id} stack>
            <div className="flex flex-wrap gap-x-3">
              <TimeText at={n.receivedAt} />
              <span className="text-stone-500">{protocolLabel(n.protocol)}</span>
              {n.deviceId && <span className="font-mono text-xs text-stone-400">{n.deviceId}</span>}
              <span className={`font-medium ${TONE_TEXT[NOTIFICATION_OUTCOME.tone(n.outcome)]}`}>{outcomeLabel(n.outcome)}</span>
              <span className="text-stone-600">{reason(n)}</span>
            </div>
            <pre className="max-h-32 overflow-auto whitespace-pre-wrap break-all rounded bg-stone-50 p-2 text-xs text-stone-700">
              {n.body}
            </pre>
          </Row>
        )}
      </ItemList>
    </Card>
  );
}
