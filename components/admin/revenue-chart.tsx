"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCents } from "@/lib/money";

import type { Dashboard } from "@/lib/admin/dashboard";

type DailyRevenue = Dashboard["daily"][number];

/** Daily revenue for the last 30 China-time days. */
export function RevenueChart({ daily }: { daily: DailyRevenue[] }) {
  const rows = daily.map((d) => ({ ...d, label: d.day.slice(5), yuan: d.cents / 100 }));
  return (
    <div className="h-56 w-full" role="img" aria-label={`近 30 天收入，共 ¥${formatCents(daily.reduce((n, d) => n + d.cents, 0))}`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e7e5e4" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis tick={{ fontSize: 11 }} allowDecimals={false} />
          <Tooltip
            formatter={(_v, _n, item) => [
              `¥${formatCents((item.payload as DailyRevenue).cents)}（${(item.payload as DailyRevenue).orders} 笔）`,
              "收入",
            ]}
            labelFormatter={(l) => `日期 ${l}`}
          />
          <Bar dataKey="yuan" fill="#07c160" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
