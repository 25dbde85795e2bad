"use client";
import Link from "next/link";
import { useAdmin } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { RevenueChart } from "@/components/admin/revenue-chart";
import { FunnelCard } from "@/components/admin/funnel-card";
import { NotifierAlarm } from "@/components/admin/notifier-alarm";
import type { Json } from "@/lib/client/api";
import type { Dashboard } from "@/lib/admin/dashboard";

function Stat({ label, cents }: { label: string; cents: number }) {
  return (
    <div className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-stone-200">
      <p className="text-xs text-stone-500">{label}</p>
      <p className="mt-1 text-xl font-bold sm:text-2xl" data-testid={`stat-${label}`}>
        ¥{formatCents(cents)}
      </p>
    </div>
  );
}

export function DashboardView() {
  const { data, error } = useAdmin<Json<Dashboard>>("/api/admin/dashboard", 15000);
  if (error) return <Notice error={error} />;
  if (!data) return <p className="text-sm text-stone-400">加载中…</p>;
  return (
    <>
      <NotifierAlarm status={data.notifier} />
      {data.unmatchedPayments > 0 && (
        <Link href="/admin/payments" className="block rounded-xl bg-amber-100 p-3 text-sm font-medium text-amber-900 ring-1 ring-amber-300">
          有 {data.unmatchedPayments} 笔收款未能匹配订单，等待处理 →
        </Link>
      )}
      {data.demoCodesEnabled > 0 && (
        <Link
          href="/admin/qr"
          role="alert"
          className="block rounded-xl bg-amber-100 p-3 text-sm font-medium text-amber-900 ring-1 ring-amber-300"
        >
          还有 {data.demoCodesEnabled} 个演示收款码处于启用状态：已正式收款，读者不会再看到它们，请上传你自己的收款码并删除演示码 →
        </Link>
      )}
      <div className="grid grid-cols-3 gap-2 sm:gap-4">
        <Stat label="今日" cents={data.revenue.todayCents} />
        <Stat label="近 7 天" cents={data.revenue.last7Cents} />
        <Stat label="近 30 天" cents={data.revenue.last30Cents} />
      </div>
      {data.demoPayments > 0 && (
        <p className="text-xs text-stone-500" data-testid="demo-payments">
          近 30 天有 {data.demoPayments} 笔演示付款（模拟付款），不计入收入。
        </p>
      )}
      <Card title="每日收入（北京时间）">
        <RevenueChart daily={data.daily} />
      </Card>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="转化漏斗（近 30 天）">
          <FunnelCard funnel={data.funnel} />
        </Card>
        <Card title="收入最高的文章（近 30 天）">
          {data.topArticles.length === 0 && <p className="text-sm text-stone-500">还没有收入。</p>}
          <ol className="space-y-1 text-sm">
            {data.topArticles.map((a) => (
              <li key={a.slug} className="flex justify-between gap-2">
                <Link href={`/admin/posts/${a.slug}`} className="truncate hover:underline">
                  {a.title}
                </Link>
                <span className="shrink-0">
                  ¥{formatCents(a.cents)} <span className="text-stone-400">{a.orders} 笔</span>
                </span>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
