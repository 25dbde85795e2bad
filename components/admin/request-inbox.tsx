"use client";
import { useState } from "react";
import { useAdmin, adminAction, adminSend } from "@/lib/swr/use-admin";
import type { Json } from "@/lib/client/api";
import { formatCents } from "@/lib/money";
import { channelLabel } from "@/lib/channels";
import { REQUEST_KIND_LABEL, REQUEST_STATUS_LABEL } from "@/lib/requests/vocab";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { TimeText } from "@/components/admin/time-text";
import type { RequestListItem } from "@/lib/requests/admin";

type Row = Json<RequestListItem>;

/** Readers' 申请退款 / 有问题, open ones first: answer with 已解决 (a reply) or 已退款 (revokes the purchase). */
export function RequestInbox() {
  const { data, error, mutate } = useAdmin<{ items: Row[] }>("/api/admin/requests", 30000);
  return (
    <Card title="读者请求">
      <Notice error={error} />
      <p className="mb-3 text-xs text-stone-500">
        读者在「我的购买」里对某笔购买申请退款或反馈问题。个人收款码不能在线退款：请在微信 / 支付宝里把钱退给读者后点「已退款」，
        这笔购买会被收回、不再计入收入；解决问题后写一句答复点「已解决」，读者会在「我的购买」里看到。答复时限在「站点设置」里改。
      </p>
      {data?.items.length === 0 && <p className="text-sm text-stone-500">还没有读者请求。</p>}
      <ul className="divide-y divide-stone-100" data-testid="request-inbox">
        {data?.items.map((r) => (
          <RequestRow key={r.id} r={r} onChange={() => void mutate()} />
        ))}
      </ul>
    </Card>
  );
}

function RequestRow({ r, onChange }: { r: Row; onChange: () => void }) {
  const [reply, setReply] = useState("");
  const resolve = (resolution: "refunded" | "resolved") =>
    adminAction(() => adminSend("PATCH", `/api/admin/requests/${r.id}`, { resolution, reply }), onChange);
  return (
    <li className="space-y-1 py-3 text-sm" data-testid="request-row">
      <p className="flex flex-wrap gap-x-3">
        <span className="font-medium">{REQUEST_KIND_LABEL[r.kind]}</span>
        <span>{r.item ?? "（已删除）"}</span>
        <span>
          ¥{formatCents(r.amountCents)}（{channelLabel(r.channel)}
          {r.payee ? `，收款人 ${r.payee}` : ""}）
        </span>
        <span className="text-stone-500">订单 {r.orderId}</span>
        <span className={r.status === "open" ? "text-amber-700" : "text-stone-500"}>{REQUEST_STATUS_LABEL[r.status]}</span>
      </p>
      <p className="rounded bg-stone-50 p-2">{r.message}</p>
      <p className="text-xs text-stone-500">
        提交于 <TimeText at={r.createdAt} />
        {r.status === "open" ? (
          <>
            ，承诺在 <TimeText at={r.dueAt} /> 前答复
          </>
        ) : null}
        {r.contact ? `，联系方式：${r.contact}` : ""}
      </p>
      {r.status === "open" ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="grow">
            给读者的答复
            <input
              className="ml-1 w-full rounded border border-stone-300 px-2 py-1"
              value={reply}
              maxLength={500}
              onChange={(e) => setReply(e.target.value)}
              placeholder="例如：已原路退回，请查收"
            />
          </label>
          <button type="button" className="rounded bg-stone-900 px-3 py-1 text-white" onClick={() => resolve("resolved")}>
            已解决
          </button>
          <button
            type="button"
            className="rounded border border-red-300 px-3 py-1 text-red-700"
            onClick={() => confirm("确认已经把钱退给读者？这笔购买将被收回，不再计入收入。") && resolve("refunded")}
          >
            已退款
          </button>
        </div>
      ) : (
        r.reply && <p className="text-stone-600">答复：{r.reply}</p>
      )}
    </li>
  );
}
