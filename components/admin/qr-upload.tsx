"use client";
import { useState } from "react";
import { adminSend } from "@/lib/swr/use-admin";
import { ApiError } from "@/lib/client/api";
import { yuanToCents } from "@/lib/money";
import { AccountSelect } from "@/components/admin/account-select";

/** Upload one or many 收款码 images; the server decodes them and keeps only the payload. */
export function QrUpload({ onUploaded }: { onUploaded: () => void }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const yuan = String(data.get("amount") ?? "").trim();
    data.delete("amount");
    if (yuan) {
      const cents = yuanToCents(yuan);
      if (!cents) return setMessage({ ok: false, text: "金额格式不对：请填写元，例如 0.99。" });
      data.set("amountCents", String(cents));
    }
    if (!data.get("channel")) data.delete("channel");
    if (!data.get("accountId")) data.delete("accountId");
    setBusy(true);
    setMessage(null);
    try {
      const res = await adminSend<{ items: unknown[] }>("POST", "/api/admin/qr-codes", data);
      setMessage({ ok: true, text: `已添加 ${res.items.length} 个收款码。` });
      form.reset();
      onUploaded();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : "上传失败，请重试。" });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="space-y-3 text-sm">
      <input name="files" type="file" accept="image/png,image/jpeg" multiple required aria-label="收款码图片" className="block w-full" />
      <div className="flex flex-wrap gap-3">
        <label>
          渠道
          <select name="channel" className="ml-1 rounded border border-stone-300 px-2 py-1">
            <option value="">自动识别</option>
            <option value="wechat">微信</option>
            <option value="alipay">支付宝</option>
          </select>
        </label>
        <label>
          收款账户
          <AccountSelect emptyLabel="该渠道的默认账户" />
        </label>
        <label>
          固定金额（元，可空）
          <input
            name="amount"
            inputMode="decimal"
            placeholder="通用码留空"
            className="ml-1 w-28 rounded border border-stone-300 px-2 py-1"
          />
        </label>
      </div>
      <p className="text-xs text-stone-500">
        可一次选择多张。固定金额码可直接用金额命名文件（如 <code>0.99.png</code>）。只保存二维码内容，不保存图片。
      </p>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-700" : "text-red-600"}>
          {message.text}
        </p>
      )}
      <button disabled={busy} className="rounded-lg bg-stone-900 px-4 py-2 text-white disabled:opacity-50">
        {busy ? "识别中…" : "上传并识别"}
      </button>
    </form>
  );
}
