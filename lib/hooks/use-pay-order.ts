"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, send } from "@/lib/client/api";
import type { OrderResponse } from "@/lib/orders/view";
import { useOrder } from "@/lib/swr/use-order";
import { sendDemoPayment } from "@/lib/client/demo-pay";import type { Channel } from "@/lib/channels";

/**
 * The dialog's order lifecycle: create on open and on channel switch, poll,
 * re-create after expiry, cancel on close, and the demo payment.
 */
export function usePayOrder(slug: string, initialChannel: Channel) {
  const [channel, setChannel] = useState<Channel>(initialChannel);
  const [order, setOrder] = useState<OrderResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const current = useRef<OrderResponse | null>(null);
  const { order: polled, refresh } = useOrder(order?.id ?? null);

  const create = useCallback(
    async (ch: Channel) => {
      setLoading(true);
      setError(null);
      try {
        const o = await send<OrderResponse>("POST", "/api/orders", { slug, channel: ch });
        current.current = o;
        setOrder(o);
      } catch (e) {
        setOrder(null);
        setError(e instanceof ApiError ? e : new ApiError(0, "network", "网络错误，请检查网络后重试。"));
      } finally {
        setLoading(false);
      }
    },
    [slug],
  );

  useEffect(() => {
    void create(channel);
  }, [channel, create]);

  const status = polled?.id === order?.id && polled ? polled.status : order?.status ?? null;

  const cancel = useCallback(() => {
    const o = current.current;
    if (o && status !== "paid") {
      // keepalive: the request survives the dialog (or the page) going away.
      void send("DELETE", `/api/orders/${o.id}`, undefined, { keepalive: true }).catch(() => {});
    }
  }, [status]);

  const demoPay = useCallback(async () => {
    if (!order) return;
    setError(null);
    try {
      await sendDemoPayment(order.id);
      refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, "network", "演示付款失败，请重试。"));
    }
  }, [order, refresh]);

  return { channel, setChannel, order, status, error, loading, retry: () => create(channel), cancel, demoPay };
}
