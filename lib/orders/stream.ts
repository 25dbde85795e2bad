import { AppError } from "@/lib/errors";
import { config } from "@/lib/config";
import { addressKey } from "@/lib/http/address-key";
import { onOrderPaid } from "@/lib/events/bus";
import { getOrderStatus } from "@/lib/orders/read";
import type { OrderStatusView } from "@/lib/orders/view";
import { isDraining, onShutdown } from "@/lib/ops/lifecycle";

/**
 * GET /api/orders/{id}/events: Server-Sent Events for one order. The stream
 * sends the order's status once it is no longer pending (paid, or found
 * expired/cancelled when it opens) and closes. Comments keep proxies from
 * cutting an idle connection; after IDLE_MS the server closes the stream and
 * the browser's EventSource reconnects on its own, so an abandoned tab holds
 * nothing for long. Streams are counted per client address (IPv6 per /64) in
 * this process: a full address gets 429 and the page polls instead.
 */
export const HEARTBEAT_MS = 15_000;
export const IDLE_MS = 120_000;
/** Tells EventSource how long to wait before reconnecting after a close. */
const RETRY_MS = 2_000;

const g = globalThis as unknown as { __paywallStreams?: Map<string, number>; __paywallStreamClosers?: Set<() => void> };
const open = (g.__paywallStreams ??= new Map<string, number>());
/** Every open stream's close, so a shutdown ends them all and each browser reconnects to the next server. */
const closers = (g.__paywallStreamClosers ??= new Set<() => void>());
onShutdown("streams", "order event streams", () => {
  for (const close of [...closers]) close();
});

export function openStreams(address: string): number {
  return open.get(addressKey(address)) ?? 0;
}

export async function orderEventStream(
  id: string,
  ip: string,
  signal: AbortSignal,
  timers = { heartbeatMs: HEARTBEAT_MS, idleMs: IDLE_MS },
) {
  const key = addressKey(ip);
  const count = open.get(key) ?? 0;
  if (count >= config().ORDER_STREAMS_PER_IP) {
    throw new AppError("rate_limited", "同一网络打开的付款页面太多，将改为定时查询付款状态。", {
      headers: { "Retry-After": "30" },
    });
  }
  // Existence is checked before anything is held (404 for an unknown id, like GET /api/orders/{id}).
  await getOrderStatus(id);
  open.set(key, count + 1);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const n = (open.get(key) ?? 1) - 1;
    if (n > 0) open.set(key, n);
    else open.delete(key);
  };

  const encoder = new TextEncoder();
  let cleanup = () => release();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed by the client */
        }
      };
      const sendStatus = (v: OrderStatusView) => write(`event: status\ndata: ${JSON.stringify(v)}\n\n`);
      const finishIfSettled = async () => {
        const v = await getOrderStatus(id).catch(() => null);
        if (!v || v.status === "pending") return false;
        sendStatus(v);
        close();
        return true;
      };
      let off: (() => void) | null = null;
      const heartbeat = setInterval(() => write(": ping\n\n"), timers.heartbeatMs);
      const idle = setTimeout(close, timers.idleMs);
      closers.add(close);
      cleanup = () => {
        closers.delete(close);
        clearInterval(heartbeat);
        clearTimeout(idle);
        off?.();
        signal.removeEventListener("abort", close);
        release();
      };
      signal.addEventListener("abort", close);
      write(`retry: ${RETRY_MS}\n: open\n\n`);
      // Opened while this server is stopping: end at once, the browser reconnects to the next one.
      if (isDraining()) return close();
      try {
        // Subscribe first, then read: a payment committed in between is seen by one or the other.
        off = await onOrderPaid(id, () => void finishIfSettled());
        if (closed) off();
        else await finishIfSettled();
      } catch (e) {
        console.error("[events] order stream failed; the page keeps polling", e);
        close();
      }
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: Next's compression (and proxies) would buffer the events.
      "cache-control": "private, no-store, no-transform",
      // nginx: pass each event through as written.
      "x-accel-buffering": "no",
    },
  });
}
