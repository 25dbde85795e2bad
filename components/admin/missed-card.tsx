import type { Json } from "@/lib/client/api";
import type { MissedShare } from "@/lib/watch/missed";

/** The missed-notification share on the dashboard (definition: docs/operations.md). */
export function MissedCard({ missed }: { missed: Json<MissedShare> }) {
  const pct = missed.share === null ? null : Math.round(missed.share * 1000) / 10;
  const bad = pct !== null && pct >= 5;
  return (
    <div className="text-sm" data-testid="missed-share">
      <p className={`text-2xl font-bold ${bad ? "text-red-600" : ""}`}>{pct === null ? "—" : `${pct}%`}</p>
      <p className="mt-1 text-stone-600">
        近 {missed.days} 天付款的读者中，有 {missed.missed} 位没有被手机及时确认（{missed.paidByPhone} 位由手机通知自动解锁）。
      </p>
      <p className="mt-1 text-xs text-stone-500">
        包括按账单补记、手动分配，以及订单过期后才到账的钱。{bad ? "比例偏高：请检查手机的转发设置，并定期导入账单对账。" : ""}
      </p>
    </div>
  );
}
