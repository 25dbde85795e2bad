"use client";
import { useState } from "react";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import type { Json } from "@/lib/client/api";
import { formatCents } from "@/lib/money";
import { channelLabel } from "@/lib/channels";
import { REQUEST_KIND, REQUEST_STATUS, isOpenRequest, type Resolution } from "@/lib/requests/vocab";
import type { RequestListItem } from "@/lib/requests/admin";
import { ActionButton, Card, ItemList, Row, StateText, TimeText } from "@/components/admin/kit";
import { Note, TextField } from "@/components/admin/kit/forms";

type Request = Json<RequestListItem>;

/** Readers' 申请退款 / 有问题, open ones first: answer with 已解决 (a reply) or 已退款 (revokes the purchase). */
export function RequestInbox() {
  const { data, error, mutate } = useAdmin<{ items: Request[] }>("/api/admin/requests", 30000);
  return (
    <Card title="读者请求">
      <Note lead>
        读者在「我的购买」里对某笔购买申请退款或反馈问题。个人收款码不能在线退款：请在微信 / 支付宝里把钱退给读者后点「已退款」，
        这笔购买会被收回、不再计入收入；解决问题后写一句答复点「已解决」，读者会在「我的购买」里看到。答复时限在「站点设置」里改。
      </Note>
      <ItemList items={data?.items} error={error} empty="还没有读者请求。" refresh={mutate} testId="request-inbox">
        {(r) => <RequestRow key={r.id} r={r} />}
      </ItemList>
    </Card>
  );
}

function RequestRow({ r }: { r: Request }) {
  const [reply, setReply] = useState("");
  const open = isOpenRequest(r.status);
  const resolve = (resolution: Resolution) => adminSend("PATCH", `/api/admin/requests/${r.id}`, { resolution, reply });
  return (
    <Row stack testId="request-row">
      <p className="flex flex-wrap gap-x-3">
        <span className="font-medium">{REQUEST_KIND.label(r.kind)}</span>
        <span>{r.item ?? "（已删除）"}</span>
        <span>
          ¥{formatCents(r.amountCents)}（{channelLabel(r.channel)}
          {r.payee ? `，收款人 ${r.payee}` : ""}）
        </span>
        <span className="text-stone-500">订单 {r.orderId}</span>
        <StateText vocab={REQUEST_STATUS} state={r.status} />
      </p>
      <p className="rounded bg-stone-50 p-2">{r.message}</p>
      <p className="text-xs text-stone-500">
        提交于 <TimeText at={r.createdAt} />
        {open && (
          <>
            ，承诺在 <TimeText at={r.dueAt} /> 前答复
          </>
        )}
        {r.contact ? `，联系方式：${r.contact}` : ""}
      </p>
      {open ? (
        <div className="flex flex-wrap items-end gap-2">
          <TextField
            label="给读者的答复"
            fieldClassName="grow"
            className="w-full"
            value={reply}
            maxLength={500}
            onChange={(e) => setReply(e.target.value)}
            placeholder="例如：已原路退回，请查收"
          />
          <ActionButton tone="primary" className="px-3 py-1" action={() => resolve("resolved")}>
            已解决
          </ActionButton>
          <ActionButton
            tone="danger-outline"
            confirm="确认已经把钱退给读者？这笔购买将被收回，不再计入收入。"
            action={() => resolve("refunded")}
          >
            已退款
          </ActionButton>
        </div>
      ) : (
        r.reply && <p className="text-stone-600">答复：{r.reply}</p>
      )}
    </Row>
  );
}
