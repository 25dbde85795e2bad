"use client";
import { useState } from "react";
import { ApiError, send } from "@/lib/client/api";
import { formatCents } from "@/lib/money";
import type { OrderBody } from "@/lib/orders/request";
import type { CouponQuote } from "@/lib/orders/quote";
import { CodeEntry, type CodeKind } from "@/components/code-entry";

interface CouponFieldProps {
  body: OrderBody;
  applied: string | null;
  onApply: (code: string | null) => void;
}

const COUPON: CodeKind = { label: "优惠码", placeholder: "输入优惠码", maxLength: 40, action: "使用" };

/** 「有优惠码？」: checks the code for this purchase, then the dialog orders again with it. */
export function CouponField({ body, applied, onApply }: CouponFieldProps) {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState("");
  const [quote, setQuote] = useState<CouponQuote | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function apply() {
    setBusy(true);
    setError(null);
    try {
      const q = await send<CouponQuote>("POST", "/api/coupons/check", { ...body, coupon: code });
      setQuote(q);
      onApply(q.code);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "优惠码校验失败，请重试。");
    } finally {
      setBusy(false);
    }
  }

  if (applied && quote) {
    return (
      <p className="mt-3 text-center text-sm text-emerald-700" data-testid="coupon-applied">
        已使用优惠码 {quote.code}：减 ¥{formatCents(quote.discountCents)}{" "}
        <button type="button" className="text-stone-500 underline" onClick={() => onApply(null)}>
          不用了
        </button>
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="mt-3 block w-full text-center text-sm text-stone-500 underline">
        有优惠码？
      </button>
    );
  }
  return (
    <CodeEntry kind={COUPON} value={code} onChange={setCode} onSubmit={apply} busy={busy} className="mt-3 text-sm">
      {error && (
        <p role="alert" className="w-full text-sm text-red-600">
          {error}
        </p>
      )}
    </CodeEntry>
  );
}
