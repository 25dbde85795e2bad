/** 「重新获取二维码」: a new unique amount after the old one expired or failed (the article dialog, 易支付 checkout). */
export function RetryButton({ onRetry, loading, className = "" }: { onRetry: () => void; loading: boolean; className?: string }) {
  return (
    <button
      type="button"
      onClick={onRetry}
      disabled={loading}
      className={`w-full rounded-lg bg-stone-900 py-2 text-white disabled:opacity-50 ${className}`}
    >
      重新获取二维码
    </button>
  );
}
