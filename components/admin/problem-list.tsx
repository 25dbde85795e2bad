"use client";
import { useAdmin } from "@/lib/swr/use-admin";
import type { Json } from "@/lib/client/api";
import { channelLabel } from "@/lib/channels";
import { PROBLEM_EFFECT, PROBLEM_KIND } from "@/lib/orders/problem-vocab";
import type { ProblemListItem } from "@/lib/orders/problem-admin";
import { Card, ItemList, Row, StateText, TimeText } from "@/components/admin/kit";
import { Note } from "@/components/admin/kit/forms";

/** 付不了？ reports: what the reader's wallet said, and what it did to the account. */
export function ProblemList() {
  const { data, error } = useAdmin<{ items: Json<ProblemListItem>[] }>("/api/admin/problems", 30000);
  return (
    <Card title="付不了？报告">
      <Note lead>
        读者付款时钱包报错，在付款框里点「付不了？」报告。「收款方存在违规行为」「对方账户异常」会暂停那个收款账户，「收款次数已达上限」让它当天停止收款；
        同一读者或同一网络地址 24 小时内只能让一个账户停止收款（防止恶意报告）。请打开对应钱包核实后，在「收款账户」里恢复。
      </Note>
      <ItemList items={data?.items} error={error} empty="还没有报告。" testId="problem-list">
        {(p) => (
          <Row key={p.id}>
            <TimeText at={p.createdAt} />
            <span className="font-medium">{PROBLEM_KIND.label(p.kind)}</span>
            <span>
              {channelLabel(p.channel)}·{p.account ?? "—"} ¥{p.amount}
            </span>
            <span className="text-stone-500">订单 {p.orderId}</span>
            <span>
              <StateText vocab={PROBLEM_EFFECT} state={p.effect} />
              {p.note ? `（${p.note}）` : ""}
            </span>
            {p.text && <span className="w-full text-stone-600">「{p.text}」</span>}
          </Row>
        )}
      </ItemList>
    </Card>
  );
}
