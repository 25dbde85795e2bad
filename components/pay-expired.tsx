"use client";
import { useState } from "react";
import { formatCents } from "@/lib/money";
import type { OrderResponse } from "@/lib/orders/view";
import type { ReaderClaim } from "@/lib/claims/reader";
import { ClaimForm } from "@/components/claim-form";
import { ClaimStatus } from "@/components/claim-status";
import { RetryButton } from "@/components/retry-button";

interface PayExpiredProps {
  /** The post a 我已付款 report would be about; null for orders that are not one post (no report offered). */
  slug: string | null;
  order: OrderResponse | null;
  /** The countdown ran out while the reader was away and the server still holds the amount. */
  canExtend: boolean;
  loading: boolean;
  onExtend: () => void;
  onRetry: () => void;
  onUnlocked: () => void;
}

/** After the countdown: the one extension (if earned), a new code, or 我已付款 for the owner to check. */
export function PayExpired({ slug, order, canExtend, loading, onExtend, onRetry, onUnlocked }: PayExpiredProps) {
  const [reporting, setReporting] = useState(false);
  const [claim, setClaim] = useState<ReaderClaim | null>(null);
  if (claim) return <div className="mt-3">{<ClaimStatus claim={claim} onAccepted={onUnlocked} />}</div>;
  if (reporting && slug) {
    return (
      <div className="mt-3">
        <ClaimForm slug={slug} channel={order?.channel} amountCents={order?.amountCents} orderId={order?.id} onSubmitted={setClaim} />
        <button type="button" onClick={() => setReporting(false)} className="mt-2 w-full text-sm text-stone-500 underline">
          返回
        </button>
      </div>
    );
  }
  return (
    <div className="mt-3 space-y-2">
      {canExtend && order && (
        <>
          <p className="text-center text-sm text-stone-600">
            你刚才离开了本页。已保存的 ¥{formatCents(order.amountCents)} 付款码仍然有效，可以再给你一次时间。
          </p>
          <button type="button" onClick={onExtend} className="w-full rounded-lg bg-orange-500 py-2 font-medium text-white">
            继续用刚才的二维码付款（延长一次）
          </button>
        </>
      )}
      <RetryButton onRetry={onRetry} loading={loading} />
      {slug && (
        <button type="button" onClick={() => setReporting(true)} className="w-full text-sm text-stone-600 underline">
          我已付款，但没有解锁
        </button>
      )}
    </div>
  );
}
