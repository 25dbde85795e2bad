import { formatCents } from "@/lib/money";
import { ORDER_KIND_LABEL } from "@/lib/targets";
import type { KindTotal } from "@/lib/admin/sales-by-kind";
import { Card } from "@/components/admin/card";

const APART: Partial<Record<KindTotal["kind"], string>> = { tip: "赞赏（不计入销售额）", merchant: "网关收款（其他网站）" };

/** Dashboard: money of the last 30 days per kind; tips and gateway payments (other sites') apart from sales; redemptions (no money). */
export function KindSplitCard({ byKind, redemptions }: { byKind: KindTotal[]; redemptions: number }) {
  return (
    <Card title="收入构成（近 30 天）">
      <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5" data-testid="kind-split">
        {byKind.map((k) => (
          <li key={k.kind} className={`rounded-lg p-2 ${APART[k.kind] ? "bg-rose-50" : "bg-stone-50"}`}>
            <p className="text-xs text-stone-500">{APART[k.kind] ?? ORDER_KIND_LABEL[k.kind]}</p>
            <p className="font-semibold">¥{formatCents(k.cents)}</p>
            <p className="text-xs text-stone-400">{k.orders} 笔</p>
          </li>
        ))}
        <li className="rounded-lg bg-sky-50 p-2">
          <p className="text-xs text-stone-500">兑换码（无收入）</p>
          <p className="font-semibold">{redemptions} 次兑换</p>
        </li>
      </ul>
    </Card>
  );
}
