"use client";
import { useState } from "react";
import { ApiError, send } from "@/lib/client/api";
import { CHANNEL_LABEL, CHANNELS, type Channel } from "@/lib/channels";
import { formatCents, yuanToCents } from "@/lib/money";
import type { ClaimInput } from "@/lib/claims/input";
import { MAX_CLAIM_NOTE } from "@/lib/claims/labels";
import type { ReaderClaim } from "@/lib/claims/reader";

interface ClaimFormProps {
  /** The post, when the form is about one (the payment dialog); otherwise the reader picks from `articles`. */
  slug?: string;
  articles?: { slug: string; title: string }[];
  channel?: Channel;
  amountCents?: number;
  orderId?: string;
  onSubmitted: (claim: ReaderClaim) => void;
}

const field = "mt-1 w-full rounded border border-stone-300 px-2 py-1.5";

/** "YYYY-MM-DDTHH:mm" in this device's time zone, for a datetime-local input. */
function localNow(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** 我已付款: what the reader paid, and about when, for the owner to check against their bill. */
export function ClaimForm({ slug, articles, channel, amountCents, orderId, onSubmitted }: ClaimFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [now] = useState(localNow);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const cents = yuanToCents(String(f.get("amount") ?? ""));
    if (!cents) return setError("金额格式不对：请按付款记录填写，例如 0.99。");
    const when = new Date(String(f.get("paidAt") ?? ""));
    if (Number.isNaN(when.getTime())) return setError("请填写大概的付款时间。");
    const body: ClaimInput = {
      slug: slug ?? String(f.get("slug") ?? ""),
      channel: String(f.get("channel")) as Channel,
      amountCents: cents,
      paidAt: when.toISOString(),
      note: String(f.get("note") ?? "") || undefined,
      orderId,
    };
    setBusy(true);
    setError(null);
    try {
      onSubmitted(await send<ReaderClaim>("POST", "/api/claims", body));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "提交失败，请重试。");
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="space-y-2 text-left text-sm" aria-label="报告付款">
      <p className="text-stone-600">填写你的付款记录（微信/支付宝账单里可以查到），站长核对后会为你解锁。提交本身不会解锁全文。</p>
      {!slug && articles && (
        <label className="block">
          文章
          <select name="slug" required className={field}>
            {articles.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset className="flex gap-4">
        <legend className="sr-only">付款方式</legend>
        {CHANNELS.map((c) => (
          <label key={c} className="flex items-center gap-1">
            <input type="radio" name="channel" value={c} defaultChecked={c === (channel ?? "wechat")} />
            {CHANNEL_LABEL[c]}
          </label>
        ))}
      </fieldset>
      <label className="block">
        付款金额（元）
        <input name="amount" inputMode="decimal" required defaultValue={amountCents ? formatCents(amountCents) : ""} className={field} />
      </label>
      <label className="block">
        大约付款时间
        <input name="paidAt" type="datetime-local" required defaultValue={now} className={field} />
      </label>
      <label className="block">
        备注（可选）
        <input name="note" maxLength={MAX_CLAIM_NOTE} placeholder="例如：付款人昵称、账单尾号" className={field} />
      </label>
      {error && (
        <p role="alert" className="text-red-600">
          {error}
        </p>
      )}
      <button disabled={busy} className="w-full rounded-lg bg-stone-900 py-2 text-white disabled:opacity-50">
        {busy ? "提交中…" : "提交付款报告"}
      </button>
    </form>
  );
}
