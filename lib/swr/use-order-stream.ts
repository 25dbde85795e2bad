"use client";
import { useEffect, useRef, useState } from "react";
import type { OrderStatusView } from "@/lib/orders/view";

/**
 * Subscribes to GET /api/orders/{id}/events while `id` is set and the order is
 * pending: `onStatus` gets the order's status the moment the server reports it
 * paid (or otherwise settled). Returns whether the stream is open right now, so
 * the caller can poll slowly while it is and quickly while it is not. On an
 * error (a proxy cutting it, 429 for a crowded address, WeChat freezing the
 * page in the background) `onTrouble` runs once per outage, so the caller can
 * check at once. The browser reconnects by itself after a dropped connection;
 * after an answer that is not a stream (a proxy's 502 while the server
 * restarts) EventSource gives up for good, so the hook opens a new one itself,
 * waiting longer each time (2 s … 30 s).
 * Used by the pay dialog through useOrder; any page showing an order can reuse it.
 */
const REOPEN_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

export function useOrderStream(id: string | null, onStatus: (v: OrderStatusView) => void, onTrouble: () => void): boolean {
  const [healthy, setHealthy] = useState(false);
  // Latest callbacks without reopening the stream on every render.
  const handlers = useRef({ onStatus, onTrouble });
  useEffect(() => {
    handlers.current = { onStatus, onTrouble };
  });

  useEffect(() => {
    if (!id || typeof EventSource === "undefined") return;
    let es: EventSource | null = null;
    let troubled = false;
    let settled = false;
    let failures = 0;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      const source = new EventSource(`/api/orders/${encodeURIComponent(id)}/events`);
      es = source;
      source.onopen = () => {
        troubled = false;
        failures = 0;
        setHealthy(true);
      };
      source.addEventListener("status", (e) => {
        const v = JSON.parse((e as MessageEvent<string>).data) as OrderStatusView;
        handlers.current.onStatus(v);
        // Settled: nothing more will come for this order.
        if (v.status !== "pending") {
          settled = true;
          source.close();
          setHealthy(false);
        }
      });
      source.onerror = () => {
        setHealthy(false);
        if (!troubled) {
          troubled = true;
          handlers.current.onTrouble();
        }
        if (source.readyState === EventSource.CLOSED && !settled) {
          reopen = setTimeout(open, REOPEN_MS[Math.min(failures++, REOPEN_MS.length - 1)]);
        }
      };
    };
    open();
    return () => {
      settled = true;
      clearTimeout(reopen);
      es?.close();
      setHealthy(false);
    };
  }, [id]);

  return healthy;
}
