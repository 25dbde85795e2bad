"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, send } from "@/lib/client/api";
import type { Channel } from "@/lib/channels";
import type { OrderResponse, OrderStatusView } from "@/lib/orders/view";
import type { OrderBody } from "@/lib/orders/request";
import { useOrder } from "@/lib/swr/use-order";
import { sendDemoPayment } from "@/lib/client/demo-pay";
import { localDeadline } from "@/lib/hooks/use-countdown";

interface Created {
  /** Which request this answers: channel, attempt and what is bought, so a late answer to an old request is ignored. */
  key: string;
  order: OrderResponse | null;
  /** expiresAt on this device's clock (the server's clock decides; this only drives the countdown). */
  deadline: number | null;
  error: ApiError | null;
}

const asApiError = (e: unknown, message: string) => (e instanceof ApiError ? e : new ApiError(0, "network", message));

/**
 * The dialog's order lifecycle for whatever `body` buys (a post, a pass, a series,
 * a tip; with a coupon): create on open and on channel switch, poll,
 * re-create after expiry, the one extension, cancel on close, and the demo
 * payment. `blocked` is a channel shown as guidance only (Alipay inside
 * WeChat): choosing it creates no order and leaves the current one alone.
 * Nothing here reacts to the page being hidden: a reader switching apps to pay
 * keeps their order.
 */
export function usePayOrder(body: OrderBody, initialChannel: Channel, blocked: Channel | null = null) {
  const [channel, setChannel] = useState<Channel>(initialChannel);
  // The channel of the order being shown: choosing the blocked channel keeps it.
  const [wanted, setWanted] = useState<Channel>(initialChannel);
  const [attempt, setAttempt] = useState(0);
  const [created, setCreated] = useState<Created | null>(null);
  const [extended, setExtended] = useState<{ id: string; deadline: number } | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const current = useRef<OrderResponse | null>(null);
  // What is bought is part of the key: choosing a coupon (or another tip amount) orders again.
  const what = JSON.stringify(body);
  const key = `${wanted}:${attempt}:${what}`;

  // POST /api/orders answers with the reader's open order when there is one, so a repeat is harmless.
  useEffect(() => {
    let live = true;
    send<OrderResponse>("POST", "/api/orders", { ...(JSON.parse(what) as OrderBody), channel: wanted }).then(
      (o) => {
        current.current = o;
        if (live) setCreated({ key, order: o, deadline: localDeadline(o.expiresAt, o.serverTime), error: null });
      },
      (e) => live && setCreated({ key, order: null, deadline: null, error: asApiError(e, "网络错误，请检查网络后重试。") }),
    );
    return () => {
      live = false;
    };
  }, [what, wanted, key]);

  const order = created?.order ?? null;
  const extension = extended && extended.id === order?.id ? extended : null;
  const { order: polled, refresh } = useOrder(order?.id ?? null, extension ? 1 : 0);
  const status = polled?.id === order?.id && polled ? polled.status : (order?.status ?? null);
  const loading = created?.key !== key;
  const error = actionError ?? (created?.key === key ? created.error : null);

  const switchChannel = useCallback(
    (c: Channel) => {
      setActionError(null);
      setChannel(c);
      if (c !== blocked) setWanted(c);
    },
    [blocked],
  );
  const retry = useCallback(() => {
    setActionError(null);
    setAttempt((a) => a + 1);
  }, []);

  const cancel = useCallback(() => {
    const o = current.current;
    if (o && status !== "paid") {
      // keepalive: the request survives the dialog (or the page) going away.
      void send("DELETE", `/api/orders/${o.id}`, undefined, { keepalive: true }).catch(() => {});
    }
  }, [status]);

  const extend = useCallback(async () => {
    if (!order) return;
    setActionError(null);
    try {
      const v = await send<OrderStatusView>("POST", `/api/orders/${order.id}/extend`);
      setExtended({ id: order.id, deadline: localDeadline(v.expiresAt, v.serverTime) });
    } catch (e) {
      setActionError(asApiError(e, "延长失败，请重新获取二维码。"));
    }
  }, [order]);

  const demoPay = useCallback(async () => {
    if (!order) return;
    setActionError(null);
    try {
      await sendDemoPayment(order.id);
      refresh();
    } catch (e) {
      setActionError(asApiError(e, "演示付款失败，请重试。"));
    }
  }, [order, refresh]);

  return {
    channel,
    setChannel: switchChannel,
    order,
    deadline: extension?.deadline ?? created?.deadline ?? null,
    status,
    extendable: !extension && polled?.id === order?.id && !!polled?.extendable,
    extended: !!extension,
    error,
    loading,
    retry,
    cancel,
    extend,
    demoPay,
  };
}
