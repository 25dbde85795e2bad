"use client";
import Link from "next/link";
import { useAdmin } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { RevenueChart } from "@/components/admin/revenue-chart";
import { FunnelCard } from "@/components/admin/funnel-card";
import { NotifierAlarm } from "@/components/admin/notifier-alarm";
import { MissedCard } from "@/components/admin/missed-card";
import { KindSplitCard } from "@/components/admin/kind-split-card";
import { AccountsTodayCard } from "@/components/admin/accounts-today-card";
import { ACCOUNT_HEALTH, isHealthy } from "@/lib/accounts/health";
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
      {data.goLivePending && (
        <Link href="/admin/go-live" className="block rounded-xl bg-blue-50 p-3 text-sm font-medium text-blue-900 ring-1 ring-blue-200">
          还没有完成上线设置：上传收款码 → 连接手机 → 发送测试。打开上线向导 →
        </Link>
      )}
      <NotifierAlarm status={data.notifier} />
      {data.failingAlerts > 0 && (
        <Link
          href="/admin/alerts"
          role="alert"
          className="block rounded-xl bg-red-50 p-3 text-sm font-medium text-red-800 ring-1 ring-red-200"
        >
          有 {data.failingAlerts} 个提醒最近发送失败，你可能收不到通知 →
        </Link>
      )}
      {data.unmatchedPayments > 0 && (
        <Link href="/admin/payments" className="block rounded-xl bg-amber-100 p-3 text-sm font-medium text-amber-900 ring-1 ring-amber-300">
          有 {data.unmatchedPayments} 笔收款未能匹配订单，等待处理 →
        </Link>
      )}
      {data.pendingClaims > 0 && (
        <Link href="/admin/payments" className="block rounded-xl bg-amber-100 p-3 text-sm font-medium text-amber-900 ring-1 ring-amber-300">
          有 {data.pendingClaims} 位读者报告已付款但没有解锁，等待核对 →
        </Link>
      )}
      {data.openRequests > 0 && (
        <Link href="/admin/requests" className="block rounded-xl bg-amber-100 p-3 text-sm font-medium text-amber-900 ring-1 ring-amber-300">
          有 {data.openRequests} 个读者请求（退款 / 问题）等待答复 →
        </Link>
      )}
      {data.accounts
        .filter((a) => !isHealthy(a.health))
        .map((a) => (
          <Link
            key={a.id}
            href="/admin/accounts"
            role="alert"
            className="block rounded-xl bg-red-50 p-3 text-sm font-medium text-red-800 ring-1 ring-red-200"
          >
            收款账户「{a.name}」{ACCOUNT_HEALTH.label(a.health)}：不再分配新订单，请查看原因 →
          </Link>
        ))}
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
      <KindSplitCard byKind={data.byKind} redemptions={data.redemptions} />
      {data.demoPayments > 0 && (
        <p className="text-xs text-stone-500" data-testid="demo-payments">
          近 30 天有 {data.demoPayments} 笔演示付款（模拟付款），不计入收入。
        </p>
      )}
      <Card title="收款账户今日">
        <AccountsTodayCard accounts={data.accounts} />
      </Card>
      <Card title="每日收入（北京时间）">
        <RevenueChart daily={data.daily} />
      </Card>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="转化漏斗（近 30 天）">
          <FunnelCard funnel={data.funnel} />
        </Card>
        <Card title="漏通知率（近 30 天）">
          <MissedCard missed={data.missedNotifications} />
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
