"use client";
import useSWR from "swr";
import { api } from "@/lib/client/api";
import type { OrderStatusView } from "@/lib/orders/view";

// Module-level on purpose: SWR restarts its polling timer whenever this
// function's identity changes, and the dialog re-renders 4× a second.
const pollWhilePending = (latest?: OrderStatusView) => (!latest || latest.status === "pending" ? 1000 : 0);
const fetchStatus = ([url]: [string, number]) => api<OrderStatusView>(url);

/**
 * Polls an order about once a second while it is pending. Polling stops once it
 * is not; `epoch` starts it again (after the order was extended).
 */
export function useOrder(id: string | null, epoch = 0) {
  const { data, error, mutate } = useSWR<OrderStatusView, unknown, [string, number] | null>(
    id ? [`/api/orders/${id}`, epoch] : null,
    fetchStatus,
    {
      refreshInterval: pollWhilePending,
      revalidateOnFocus: true,
      dedupingInterval: 500,
    },
  );
  // refresh(): check now instead of at the next tick (e.g. right after the demo payment was sent).
  return { order: data, error, refresh: () => void mutate() };
}
