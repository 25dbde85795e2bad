"use client";
import { useCallback, useEffect, useState } from "react";
import { api, ApiError, send } from "@/lib/client/api";
import type { Channel } from "@/lib/channels";
import type { OrderResponse } from "@/lib/orders/view";
import type { CheckoutView } from "@/lib/gateway/checkout";
import { useOrder } from "@/lib/swr/use-order";
import { localDeadline } from "@/lib/hooks/use-countdown";

interface Asked {
  key: string;
  order: OrderResponse | null;
  deadline: number | null;
  error: ApiError | null;
}

/**
 * The hosted checkout's lifecycle (/pay/{tradeNo}): ask for a QR on the chosen
 * channel (the open one, or a new unique amount after expiry), follow the
 * order's status with the same hook as the article dialog (useOrder), and
 * once paid fetch the signed return URL and go back to the merchant.
 */
export function useCheckout(initial: CheckoutView, channel: Channel | null) {
  const [attempt, setAttempt] = useState(0);
  const [asked, setAsked] = useState<Asked | null>(null);
  const [paidView, setPaidView] = useState<CheckoutView | null>(initial.status === "paid" ? initial : null);
  const key = `${channel}:${attempt}`;

  useEffect(() => {
    if (!channel || initial.status !== "pending") return;
    let live = true;
    send<OrderResponse>("POST", `/api/pay/${initial.tradeNo}`, { channel }).then(
      (o) => live && setAsked({ key, order: o, deadline: localDeadline(o.expiresAt, o.serverTime), error: null }),
      (e) =>
        live &&
        setAsked({ key, order: null, deadline: null, error: e instanceof ApiError ? e : new ApiError(0, "network", "网络错误，请重试。") }),
    );
    return () => {
      live = false;
    };
  }, [channel, key, initial.tradeNo, initial.status]);

  const order = asked?.key === key ? asked.order : null;
  const { order: polled } = useOrder(order?.id ?? null);
  const status = paidView ? "paid" : polled?.id === order?.id && polled ? polled.status : (order?.status ?? null);

  useEffect(() => {
    if (status !== "paid" || paidView) return;
    let live = true;
    api<CheckoutView>(`/api/pay/${initial.tradeNo}`).then(
      (v) => live && setPaidView(v),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [status, paidView, initial.tradeNo]);

  useEffect(() => {
    // The protocol's signed parameters on return_url: the merchant's page shows its own "paid".
    if (paidView?.returnUrl) window.location.assign(paidView.returnUrl);
  }, [paidView]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return {
    order,
    deadline: asked?.key === key ? asked.deadline : null,
    status,
    error: asked?.key === key ? asked.error : null,
    loading: !!channel && asked?.key !== key && initial.status === "pending",
    returnUrl: paidView?.returnUrl ?? null,
    retry,
  };
}
