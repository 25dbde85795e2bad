"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { send } from "@/lib/client/api";
import { MAX_REQUEST_CONTACT, MAX_REQUEST_MESSAGE, REQUEST_KIND, type RequestKind } from "@/lib/requests/vocab";
import { ReaderFormFooter, useReaderSubmit } from "@/components/reader-form";

/** 申请退款 / 有问题 about one purchase: message and an optional contact, answered by the owner within `hours`. */
export function RequestForm({ orderId, hours, onClose }: { orderId: string; hours: number; onClose: () => void }) {
  const router = useRouter();
  const [kind, setKind] = useState<RequestKind>("problem");
  const [message, setMessage] = useState("");
  const [contact, setContact] = useState("");
  const { busy, error, submit } = useReaderSubmit(async () => {
    await send("POST", "/api/me/requests", { orderId, kind, message, contact: contact.trim() || null });
    onClose();
    router.refresh(); // the receipt now shows the request and its due date
  });
  return (
    <form onSubmit={submit} className="mt-2 space-y-2 rounded bg-stone-50 p-3 text-sm" aria-label="申请退款或反馈问题">
      <div className="flex gap-4">
        {REQUEST_KIND.values.map((k) => (
          <label key={k}>
            <input type="radio" name={`kind-${orderId}`} checked={kind === k} onChange={() => setKind(k)} className="mr-1" />
            {REQUEST_KIND.label(k)}
          </label>
        ))}
      </div>
      <label className="block">
        说明
        <textarea
          required
          maxLength={MAX_REQUEST_MESSAGE}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          className="mt-1 h-20 w-full rounded border border-stone-300 px-2 py-1"
          placeholder={kind === "refund" ? "为什么需要退款？" : "遇到了什么问题？"}
        />
      </label>
      <label className="block">
        联系方式（可选，微信号或邮箱）
        <input
          maxLength={MAX_REQUEST_CONTACT}
          value={contact}
          onChange={(e) => setContact(e.target.value)}
          className="mt-1 w-full rounded border border-stone-300 px-2 py-1"
        />
      </label>
      <p className="text-xs text-stone-500">站长承诺在 {hours} 小时内答复，答复会显示在这里。</p>
      <ReaderFormFooter error={error} busy={busy} label="提交给站长" onCancel={onClose} />
    </form>
  );
}
