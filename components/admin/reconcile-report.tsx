import { formatCents } from "@/lib/money";
import { channelLabel } from "@/lib/channels";
import { TimeText } from "@/components/admin/time-text";
import type { Json } from "@/lib/client/api";
import type { ReconcileSummary } from "@/lib/reconcile/reconcile";
import { BILL_INBOX_REASON } from "@/lib/reconcile/reasons";

/** What one bill import found, as the owner reads it. */
export function ReconcileReport({ s }: { s: Json<ReconcileSummary> }) {
  const stat = (label: string, n: number, tone = "") => (
    <div className="rounded-lg bg-stone-50 p-2">
      <p className="text-xs text-stone-500">{label}</p>
      <p className={`text-lg font-bold ${tone}`} data-testid={`reconcile-${label}`}>
        {n}
      </p>
    </div>
  );
  return (
    <div className="space-y-3 text-sm" aria-label="对账结果">
      <p>
        {channelLabel(s.channel)}账单，
        <TimeText at={s.periodStart} /> 至 <TimeText at={s.periodEnd} />
        ：共 {s.rows} 笔交易，其中 {s.incomes} 笔可能是读者付款。
        {s.alreadyImported > 0 && ` ${s.alreadyImported} 笔之前已经对过账，没有改动。`}
      </p>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {stat("已确认", s.alreadySettled)}
        {stat("补记并解锁", s.settled, s.settled ? "text-blue-700" : "")}
        {stat("放入待处理", s.inbox, s.inbox ? "text-amber-700" : "")}
        {stat("账单中没有", s.notInBill, s.notInBill ? "text-red-700" : "")}
      </div>
      {s.details.settled.length > 0 && (
        <section>
          <h3 className="font-medium">按账单补记并解锁（手机没有通知这些付款）</h3>
          <ul className="list-inside list-disc text-stone-600">
            {s.details.settled.map((r) => (
              <li key={r.txId}>
                <TimeText at={r.occurredAt} /> ¥{formatCents(r.amountCents)} → 订单 <span className="font-mono text-xs">{r.orderId}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {s.details.inbox.length > 0 && (
        <section>
          <h3 className="font-medium">放入「收款」待处理</h3>
          <ul className="list-inside list-disc text-stone-600">
            {s.details.inbox.map((r) => (
              <li key={r.txId}>
                <TimeText at={r.occurredAt} /> ¥{formatCents(r.amountCents)}：{BILL_INBOX_REASON.label(r.reason)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {s.details.notInBill.length > 0 && (
        <section>
          <h3 className="font-medium text-red-700">手机报告了、账单里却没有（可能是伪造的通知）</h3>
          <ul className="list-inside list-disc text-stone-600">
            {s.details.notInBill.map((r) => (
              <li key={r.paymentId}>
                <TimeText at={r.at} /> ¥{formatCents(r.amountCents)}（{r.status}）
              </li>
            ))}
          </ul>
          <p className="text-xs text-stone-500">
            如果你有多个收款账号，请导入每个账号的账单；确认是伪造的，请检查设备密钥是否泄露并在「设备」里更换。
          </p>
        </section>
      )}
    </div>
  );
}
