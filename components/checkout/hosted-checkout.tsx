"use client";
import { useState } from "react";
import { formatCents } from "@/lib/money";
import { CHANNEL_LABEL, type Channel } from "@/lib/channels";
import type { CheckoutView } from "@/lib/gateway/checkout";
import { formatClock, useCountdown } from "@/lib/hooks/use-countdown";
import { useCheckout } from "@/lib/hooks/use-checkout";
import { isMobileUA } from "@/lib/client/device";
import { PayCode } from "@/components/pay-code";
import { CountdownAnnouncer } from "@/components/countdown-announcer";
import { RetryButton } from "@/components/retry-button";
import { isOverForPayer, isPaidOrder } from "@/lib/orders/status";
import { isCheckoutClosed, isCheckoutPayable } from "@/lib/gateway/protocol";

/** The payment page a merchant's buyer lands on: the article dialog's QR, amount, countdown and phone paths. */
export function HostedCheckout({ view }: { view: CheckoutView }) {
  const [ua] = useState(() => (typeof navigator === "undefined" ? "" : navigator.userAgent));
  const mobile = isMobileUA(ua);
  const [channel, setChannel] = useState<Channel | null>(view.channel);
  const pay = useCheckout(view, channel);
  const left = useCountdown(pay.deadline);
  const expired = isOverForPayer(pay.status, left);
  const paid = isPaidOrder(pay.status);

  let statusText = channel ? "正在生成二维码…" : "请选择付款方式";
  if (isCheckoutClosed(view.status)) statusText = "订单已关闭，请返回商户网站重新下单。";
  else if (paid) statusText = pay.returnUrl ? "付款成功，正在返回商户网站…" : "付款成功，可以关闭本页。";
  else if (pay.error) statusText = pay.error.message;
  else if (expired) statusText = "二维码已过期，请重新获取。";
  else if (pay.order) statusText = "等待付款…付款后自动返回商户网站";

  return (
    <main className="mx-auto w-[min(24rem,calc(100vw-2rem))] py-8">
      <div className="rounded-2xl bg-white p-5 shadow">
        <p className="text-sm text-stone-500">{view.merchantName}</p>
        <h1 className="text-lg font-semibold" data-testid="checkout-name">
          {view.name}
        </h1>
        <p className="text-sm text-stone-600">订单金额 ¥{formatCents(view.priceCents)}</p>
        {isCheckoutPayable(view.status) && !channel && (
          // 易支付 submit.php without `type` (V2Board): the buyer picks once; the merchant order keeps it.
          <div role="group" aria-label="付款方式" className="mt-3 grid grid-cols-2 gap-2">
            {view.channels.map((c) => (
              <button
                key={c}
                type="button"
                onClick={() => setChannel(c)}
                className={`rounded-lg py-2 font-medium text-white ${c === "wechat" ? "bg-brand" : "bg-alipay"}`}
              >
                {CHANNEL_LABEL[c]}付款
              </button>
            ))}
          </div>
        )}
        {pay.order && !expired && !paid && pay.order.qr && <PayCode order={pay.order} qr={pay.order.qr} mobile={mobile} />}
        {pay.order && !expired && !paid && (
          <p className="mt-1 text-center text-sm text-stone-500">
            剩余时间{" "}
            <span className="font-mono text-base text-stone-900" data-testid="countdown">
              {formatClock(left ?? 0)}
            </span>
            {pay.order.amountCents !== view.priceCents && <span>（为识别付款略有优惠）</span>}
          </p>
        )}
        <p role="status" aria-live="polite" className="mt-3 text-center text-sm text-stone-700" data-testid="pay-status">
          {statusText}
        </p>
        <CountdownAnnouncer seconds={expired || paid ? null : left} />
        {(expired || (pay.error && !paid)) && isCheckoutPayable(view.status) && (
          <RetryButton onRetry={pay.retry} loading={pay.loading} className="mt-3" />
        )}
        {paid && pay.returnUrl && (
          <a href={pay.returnUrl} className="mt-3 block text-center text-sm text-stone-600 underline">
            没有自动跳转？点此返回商户网站
          </a>
        )}
      </div>
      <p className="mt-3 text-center text-xs text-stone-400">订单号 {view.tradeNo}</p>
    </main>
  );
}
