"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, send } from "@/lib/client/api";
import type { Channel } from "@/lib/channels";
import type { OrderResponse } from "@/lib/orders/view";
import type { OrderBody } from "@/lib/orders/request";
import { useOrder } from "@/lib/swr/use-order";
import { sendDemoPayment } from "@/lib/client/demo-pay";
import { localDeadline } from "@/lib/hooks/use-countdown";

interface Created {
  /** Which request this answers: channel and attempt, so a late answer to an old request is ignored. */
  key: string;
  order: OrderResponse | null;
  /** expiresAt on this device's clock (the server's clock decides; this only drives the countdown). */
  deadline: number | null;
  error: ApiError | null;
}

const asApiError = (e: unknown, message: string) => (e instanceof ApiError ? e : new ApiError(0, "network", message));

/**
 * The dialog's order lifecycle: create on open and on channel switch, poll,
 * re-create after expiry, cancel on close, and the demo payment.
 */
export function usePayOrder(body: OrderBody, initialChannel: Channel) {
  const [channel, setChannel] = useState<Channel>(initialChannel);
  const [attempt, setAttempt] = useState(0);
  const [created, setCreated] = useState<Created | null>(null);
  const [demoError, setDemoError] = useState<ApiError | null>(null);
  const current = useRef<OrderResponse | null>(null);
  // What is bought is part of the key: choosing a coupon (or another tip amount) orders again.
  const what = JSON.stringify(body);
  const key = `${channel}:${attempt}:${what}`;

  // POST /api/orders answers with the reader's open order when there is one, so a repeat is harmless.
  useEffect(() => {
    let live = true;
    send<OrderResponse>("POST", "/api/orders", { ...(JSON.parse(what) as OrderBody), channel }).then(
      (o) => {
        current.current = o;
        if (live) setCreated({ key, order: o, deadline: localDeadline(o.expiresAt, o.serverTime), error: null });
      },
      (e) => live && setCreated({ key, order: null, deadline: null, error: asApiError(e, "网络错误，请检查网络后重试。") }),
    );
    return () => {
      live = false;
    };
  }, [what, channel, key]);

  const order = created?.order ?? null;
  const { order: polled, refresh } = useOrder(order?.id ?? null);
  const status = polled?.id === order?.id && polled ? polled.status : (order?.status ?? null);
  const loading = created?.key !== key;
  const error = demoError ?? (created?.key === key ? created.error : null);

  const switchChannel = useCallback((c: Channel) => {
    setDemoError(null);
    setChannel(c);
  }, []);
  const retry = useCallback(() => {
    setDemoError(null);
    setAttempt((a) => a + 1);
  }, []);

  const cancel = useCallback(() => {
    const o = current.current;
    if (o && status !== "paid") {
      // keepalive: the request survives the dialog (or the page) going away.
      void send("DELETE", `/api/orders/${o.id}`, undefined, { keepalive: true }).catch(() => {});
    }
  }, [status]);

  const demoPay = useCallback(async () => {
    if (!order) return;
    setDemoError(null);
    try {
      await sendDemoPayment(order.id);
      refresh();
    } catch (e) {
      setDemoError(asApiError(e, "演示付款失败，请重试。"));
    }
  }, [order, refresh]);

  return { channel, setChannel: switchChannel, order, deadline: created?.deadline ?? null, status, error, loading, retry, cancel, demoPay };
}
