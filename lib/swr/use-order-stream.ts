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
 * check at once; the browser keeps reconnecting by itself.
 * Used by the pay dialog through useOrder; any page showing an order can reuse it.
 */
export function useOrderStream(id: string | null, onStatus: (v: OrderStatusView) => void, onTrouble: () => void): boolean {
  const [healthy, setHealthy] = useState(false);
  // Latest callbacks without reopening the stream on every render.
  const handlers = useRef({ onStatus, onTrouble });
  useEffect(() => {
    handlers.current = { onStatus, onTrouble };
  });

  useEffect(() => {
    if (!id || typeof EventSource === "undefined") return;
    const es = new EventSource(`/api/orders/${encodeURIComponent(id)}/events`);
    let troubled = false;
    es.onopen = () => {
      troubled = false;
      setHealthy(true);
    };
    es.addEventListener("status", (e) => {
      const v = JSON.parse((e as MessageEvent<string>).data) as OrderStatusView;
      handlers.current.onStatus(v);
      // Settled: nothing more will come for this order.
      if (v.status !== "pending") {
        es.close();
        setHealthy(false);
      }
    });
    es.onerror = () => {
      setHealthy(false);
      if (!troubled) {
        troubled = true;
        handlers.current.onTrouble();
      }
    };
    return () => {
      es.close();
      setHealthy(false);
    };
  }, [id]);

  return healthy;
}
