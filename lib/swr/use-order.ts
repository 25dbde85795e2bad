"use client";
import useSWR from "swr";
import { api, type OrderDto } from "@/lib/client/api";

type OrderStatusDto = Pick<OrderDto, "id" | "status" | "amountCents" | "expiresAt" | "paidAt">;

// Module-level on purpose: SWR restarts its polling timer whenever this
// function's identity changes, and the dialog re-renders 4× a second.
const pollWhilePending = (latest?: OrderStatusDto) => (!latest || latest.status === "pending" ? 1000 : 0);

/** Polls an order about once a second while it is pending. */
export function useOrder(id: string | null) {
  const { data, error, mutate } = useSWR<OrderStatusDto>(id ? `/api/orders/${id}` : null, (url: string) => api(url), {
    refreshInterval: pollWhilePending,
    revalidateOnFocus: true,
    dedupingInterval: 500,
  });
  // refresh(): check now instead of at the next tick (e.g. right after the demo payment was sent).
  return { order: data, error, refresh: () => void mutate() };
}
