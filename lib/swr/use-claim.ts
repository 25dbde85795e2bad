"use client";
import useSWR from "swr";
import { api } from "@/lib/client/api";
import type { ReaderClaim } from "@/lib/claims/reader";

const pollWhilePending = (latest?: ReaderClaim) => (!latest || latest.status === "pending" ? 3000 : 0);

/** The reader's own payment report, polled every few seconds while the owner has not decided. */
export function useClaim(initial: ReaderClaim) {
  const { data } = useSWR<ReaderClaim>(`/api/claims/${initial.id}`, (url: string) => api(url), {
    fallbackData: initial,
    refreshInterval: pollWhilePending,
    revalidateOnFocus: true,
  });
  return data ?? initial;
}
