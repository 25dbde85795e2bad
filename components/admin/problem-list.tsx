"use client";
import { useAdmin } from "@/lib/swr/use-admin";
import type { Json } from "@/lib/client/api";
import { channelLabel } from "@/lib/channels";
import { PROBLEM_EFFECT_LABEL, PROBLEM_KIND_LABEL, type ProblemEffect, type ProblemKind } from "@/lib/orders/problem-vocab";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { TimeText } from "@/components/admin/time-text";
import type { ProblemListItem } from "@/lib/orders/problem-admin";

/** 付不了？ reports: what the reader's wallet said, and what it did to the account. */
export function ProblemList() {
  const { data, error } = useAdmin<{ items: Json<ProblemListItem>[] }>("/api/admin/problems", 30000);
  return (
    <Card title="付不了？报告">
      <Notice error={error} />
      <p className="mb-3 text-xs text-stone-500">
        读者付款时钱包报错，在付款框里点「付不了？」报告。「收款方存在违规行为」「对方账户异常」会暂停那个收款账户，「收款次数已达上限」让它当天停止收款；
        同一读者或同一网络地址 24 小时内只能让一个账户停止收款（防止恶意报告）。请打开对应钱包核实后，在「收款账户」里恢复。
      </p>
      {data?.items.length === 0 && <p className="text-sm text-stone-500">还没有报告。</p>}
      <ul className="divide-y divide-stone-100 text-sm" data-testid="problem-list">
        {data?.items.map((p) => (
          <li key={p.id} className="flex flex-wrap gap-x-3 py-2">
            <TimeText at={p.createdAt} />
            <span className="font-medium">{PROBLEM_KIND_LABEL[p.kind as ProblemKind] ?? p.kind}</span>
            <span>
              {channelLabel(p.channel)}·{p.account ?? "—"} ¥{p.amount}
            </span>
            <span className="text-stone-500">订单 {p.orderId}</span>
            <span className={p.effect === "recorded" ? "text-stone-500" : "text-red-700"}>
              {PROBLEM_EFFECT_LABEL[p.effect as ProblemEffect] ?? p.effect}
              {p.note ? `（${p.note}）` : ""}
            </span>
            {p.text && <span className="w-full text-stone-600">「{p.text}」</span>}
          </li>
        ))}
      </ul>
    </Card>
  );
}
