"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { formatCents } from "@/lib/money";
import { formatClock, useCountdown } from "@/lib/hooks/use-countdown";
import { usePayOrder } from "@/lib/hooks/use-pay-order";
import { useAwayAtDeadline } from "@/lib/hooks/use-away-at-deadline";
import { isMobileUA, isWeChatBrowser, preferredChannels } from "@/lib/client/device";
import type { ChannelOrder } from "@/lib/settings/schema";
import { ChannelTabs } from "@/components/channel-tabs";
import { PayCode } from "@/components/pay-code";
import { PayExpired } from "@/components/pay-expired";
import { AlipayInWeChat } from "@/components/alipay-in-wechat";
import { CountdownAnnouncer } from "@/components/countdown-announcer";
import { CouponField } from "@/components/coupon-field";
import { PayProblem } from "@/components/pay-problem";
import { CHANNEL_LABEL, isChannel } from "@/lib/channels";
import { RetryButton } from "@/components/retry-button";
import { isAwaitingPayment, isOverForPayer, isPaidOrder } from "@/lib/orders/status";
import type { OrderBody } from "@/lib/orders/request";

interface PayDialogProps {
  /** What is bought: a post, a series, a pass or a tip (POST /api/orders without the channel). */
  body: OrderBody;
  /** The heading, e.g. 「付费阅读全文」 or 「赞赏作者」. */
  title?: string;
  priceCents: number;
  demo: boolean;
  channelOrder: ChannelOrder;
  onClose: () => void;
  /** After payment; by default the page is re-rendered on the server (now unlocked). */
  onPaid?: () => void;
}

/** The payment modal: channel choice, QR code, exact amount, countdown and status. */
export function PayDialog({ body, title = "付费阅读全文", priceCents, demo, channelOrder, onClose, onPaid }: PayDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const [ua] = useState(() => (typeof navigator === "undefined" ? "" : navigator.userAgent));
  const mobile = isMobileUA(ua);
  const wechat = isWeChatBrowser(ua);
  const channels = preferredChannels(channelOrder, ua);
  const [coupon, setCoupon] = useState<string | null>(null);
  // What the server answered to 付不了？: stays shown while the dialog fetches the new code.
  const [problemNote, setProblemNote] = useState<string | null>(null);
  const pay = usePayOrder(coupon && !("tip" in body) ? { ...body, coupon } : body, channels[0], wechat ? "alipay" : null);
  // 我已付款 reports are about one post (not a tip, pass or series order).
  const claimSlug = "slug" in body && !("tip" in body) ? body.slug : null;
  const left = useCountdown(pay.deadline);
  const away = useAwayAtDeadline(pay.deadline);
  const expired = isOverForPayer(pay.status, left);
  // 503 channel_unavailable / daily_limit may name the channel that can take the order instead.
  const offered = (pay.error?.details as { offerChannel?: unknown } | undefined)?.offerChannel;
  const offerChannel = isChannel(offered) && offered !== pay.channel ? offered : null;
  const guide = wechat && pay.channel === "alipay";

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal(); // native modal: focus trap, inert page, Escape
  }, []);

  const unlocked = useCallback(() => {
    if (onPaid) onPaid();
    else router.refresh(); // re-renders the article on the server, now with the body
    onClose();
  }, [router, onClose, onPaid]);

  useEffect(() => {
    if (isPaidOrder(pay.status)) unlocked();
  }, [pay.status, unlocked]);

  const close = () => {
    pay.cancel();
    onClose();
  };

  let statusText = "正在生成二维码…";
  if (pay.error) statusText = pay.error.message;
  else if (isPaidOrder(pay.status)) statusText = "付款成功，正在解锁全文…";
  else if (expired) statusText = away && pay.extendable ? "你离开期间二维码已过期。" : "二维码已过期，请重新获取。";
  else if (pay.order) statusText = pay.extended ? "已延长，请尽快完成付款…付款后本页自动解锁" : "等待付款…付款后本页自动解锁";

  return (
    <dialog
      ref={ref}
      aria-labelledby="pay-title"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onClick={(e) => e.target === ref.current && close()}
      className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-2xl bg-white p-0 shadow-xl"
    >
      <div className="p-5">
        <div className="flex items-center justify-between">
          <h2 id="pay-title" className="text-lg font-semibold">
            {title}
          </h2>
          <button
            type="button"
            onClick={close}
            aria-label="关闭"
            className="rounded p-1 text-2xl leading-none text-stone-500 hover:text-stone-900"
          >
            ×
          </button>
        </div>
        <ChannelTabs value={pay.channel} onChange={pay.setChannel} order={channels} />
        {problemNote && (
          <p role="status" className="mt-2 rounded bg-amber-50 p-2 text-center text-sm text-amber-900" data-testid="problem-note">
            {problemNote}
          </p>
        )}
        {guide ? (
          <AlipayInWeChat onUseWeChat={() => pay.setChannel("wechat")} />
        ) : (
          <>
            {pay.order && !expired && pay.order.qr && <PayCode order={pay.order} qr={pay.order.qr} mobile={mobile} />}
            {pay.order && !expired && pay.order.payee && (
              <p className="mt-1 text-center text-xs text-stone-600" data-testid="pay-payee">
                收款人：<span className="font-medium">{pay.order.payee}</span>（付款前请核对钱包里显示的收款人）
              </p>
            )}
            {pay.order && !expired && (
              <p className="mt-1 text-center text-sm text-stone-500">
                剩余时间{" "}
                <span className="font-mono text-base text-stone-900" data-testid="countdown">
                  {formatClock(left ?? 0)}
                </span>
                {pay.order.discountCents > 0 ? (
                  <span>
                    （原价 ¥{formatCents(priceCents)}，优惠码减 ¥{formatCents(pay.order.discountCents)}）
                  </span>
                ) : (
                  pay.order.amountCents !== priceCents && <span>（原价 ¥{formatCents(priceCents)}，为识别付款略有优惠）</span>
                )}
              </p>
            )}
            <p role="status" aria-live="polite" className="mt-3 text-center text-sm text-stone-700" data-testid="pay-status">
              {statusText}
            </p>
            <CountdownAnnouncer seconds={expired ? null : left} />
            {expired && (
              <PayExpired
                slug={claimSlug}
                order={pay.order}
                canExtend={away && pay.extendable}
                loading={pay.loading}
                onExtend={pay.extend}
                onRetry={pay.retry}
                onUnlocked={unlocked}
              />
            )}
            {offerChannel && (
              <button
                type="button"
                onClick={() => pay.setChannel(offerChannel)}
                className="mt-3 w-full rounded-lg bg-brand py-2 font-medium text-white"
              >
                改用{CHANNEL_LABEL[offerChannel]}付款
              </button>
            )}
            {!expired && pay.error && pay.error.code !== "already_unlocked" && (
              <RetryButton onRetry={pay.retry} loading={pay.loading} className="mt-3" />
            )}
            {pay.error?.code === "already_unlocked" && (
              <button type="button" onClick={unlocked} className="mt-3 w-full rounded-lg bg-stone-900 py-2 text-white">
                刷新页面
              </button>
            )}
            {pay.order && !expired && !isPaidOrder(pay.status) && (
              <PayProblem
                orderId={pay.order.id}
                onAnswer={(answer) => {
                  setProblemNote(answer.message);
                  if (answer.offer?.sameChannel) pay.retry();
                  else if (answer.offer) pay.setChannel(answer.offer.channel);
                }}
              />
            )}
            {!("tip" in body) && <CouponField body={body} applied={coupon} onApply={setCoupon} />}
            {demo && pay.order && !expired && isAwaitingPayment(pay.status) && (
              <button
                type="button"
                onClick={pay.demoPay}
                className="mt-3 w-full rounded-lg border border-dashed border-orange-400 py-2 text-orange-700"
              >
                模拟付款（演示）
              </button>
            )}
          </>
        )}
      </div>
    </dialog>
  );
}
