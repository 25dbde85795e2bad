"use client";
import { useEffect, useRef, useState } from "react";
import useSWR, { type KeyedMutator } from "swr";
import { api } from "@/lib/client/api";
import type { OrderStatusView } from "@/lib/orders/view";
import { useOrderStream } from "@/lib/swr/use-order-stream";

// Module-level on purpose: SWR restarts its polling timer whenever this
// function's identity changes, and the dialog re-renders 4× a second.
// While the push stream is open polling is only a safety net (an event lost
// between instances); without it, a one-second poll is what unlocks the page.
const pollFast = (latest?: OrderStatusView) => (!latest || latest.status === "pending" ? 1000 : 0);
const pollSlow = (latest?: OrderStatusView) => (!latest || latest.status === "pending" ? 10_000 : 0);
const fetchStatus = ([url]: [string, number]) => api<OrderStatusView>(url);

/**
 * The order's status, pushed by the server the moment it is paid
 * (useOrderStream), with SWR polling as the fallback: every 10 s while the
 * stream is open, every second while it is not (and at once when it breaks),
 * and on focus. Polling and the stream stop once the order is not pending;
 * `epoch` starts them again (after an extension).
 */
export function useOrder(id: string | null, epoch = 0) {
  // The order last seen settled: no stream for it (an extension makes it pending again).
  const [settledId, setSettledId] = useState<string | null>(null);
  const mutateRef = useRef<KeyedMutator<OrderStatusView> | null>(null);
  const note = (v: OrderStatusView) => setSettledId(v.status === "pending" ? null : v.id);
  const streaming = useOrderStream(
    id && id !== settledId ? id : null,
    (v) => {
      note(v);
      void mutateRef.current?.(v, { revalidate: false });
    },
    () => void mutateRef.current?.(),
  );
  const { data, error, mutate } = useSWR<OrderStatusView, unknown, [string, number] | null>(
    id ? [`/api/orders/${id}`, epoch] : null,
    fetchStatus,
    { refreshInterval: streaming ? pollSlow : pollFast, revalidateOnFocus: true, dedupingInterval: 500, onSuccess: note },
  );
  useEffect(() => {
    mutateRef.current = mutate;
  }, [mutate]);
  // refresh(): check now instead of at the next tick (e.g. right after the demo payment was sent).
  return { order: data, error, streaming, refresh: () => void mutate() };
}
