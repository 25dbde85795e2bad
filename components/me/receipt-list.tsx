"use client";
import { useState } from "react";
import Link from "next/link";
import { formatCents } from "@/lib/money";
import { chinaDateTimeText } from "@/lib/china-time";
import { REQUEST_KIND, REQUEST_STATUS, isOpenRequest } from "@/lib/requests/vocab";
import { TONE_TEXT } from "@/components/tone";
import type { Receipt } from "@/lib/requests/receipts";
import { RequestForm } from "@/components/me/request-form";

const chinaTime = (iso: string) => chinaDateTimeText(new Date(iso));

/** 我的购买: a receipt per purchase, the reader's requests with the owner's answers, and 「申请退款 / 有问题」. */
export function ReceiptList({ receipts, hours }: { receipts: Receipt[]; hours: number }) {
  const [asking, setAsking] = useState<string | null>(null);
  return (
    <ul className="mt-4 divide-y divide-stone-200 rounded-lg bg-white" aria-label="购买记录">
      {receipts.map((r) => {
        const open = r.requests.find((q) => isOpenRequest(q.status));
        return (
          <li key={r.orderId} className="p-3 text-sm" data-testid="receipt">
            <div className="flex justify-between gap-2">
              {r.slug && r.kind !== "tip" ? (
                <Link href={`/posts/${r.slug}`} className="underline">
                  {r.item}
                </Link>
              ) : (
                <span>{r.item}</span>
              )}
              <span className="shrink-0 font-medium">
                ¥{formatCents(r.amountCents)}
                {r.refunded && <span className="ml-1 text-red-600">已退款</span>}
              </span>
            </div>
            <p className="mt-1 text-xs text-stone-500">
              订单号 {r.orderId} · {chinaTime(r.paidAt)}
              {r.payee ? ` · 收款人 ${r.payee}` : ""}
            </p>
            {r.requests.map((q) => (
              <div key={q.id} className="mt-2 rounded bg-stone-50 p-2 text-xs" data-testid="receipt-request">
                <p>
                  {REQUEST_KIND.label(q.kind)}：{q.message}
                </p>
                <p className={TONE_TEXT[REQUEST_STATUS.tone(q.status)]}>
                  {REQUEST_STATUS.label(q.status)}
                  {isOpenRequest(q.status) && `（站长承诺在 ${chinaTime(q.dueAt)} 前答复）`}
                </p>
                {q.reply && <p className="mt-1 text-stone-800">站长答复：{q.reply}</p>}
              </div>
            ))}
            {!r.refunded &&
              !open &&
              (asking === r.orderId ? (
                <RequestForm orderId={r.orderId} hours={hours} onClose={() => setAsking(null)} />
              ) : (
                <button type="button" className="mt-2 text-xs text-stone-600 underline" onClick={() => setAsking(r.orderId)}>
                  申请退款 / 有问题
                </button>
              ))}
          </li>
        );
      })}
    </ul>
  );
}
