"use client";
import dynamic from "next/dynamic";

// The dialog (order lifecycle, SWR, the QR encoder, the 我已付款 form) is most of a post's
// JavaScript and nothing of its first paint: it is fetched when a reader is about to buy.
const load = () => import("@/components/pay-dialog");

/** Starts fetching the dialog's code (hover, touch or focus on a buy button), so the click opens it at once. */
export function preloadPayDialog(): void {
  void load().catch(() => {}); // a failed prefetch is retried by the click itself
}

/** Props for a buy button: fetch the dialog's code as soon as the reader reaches for it. */
export const preloadOnIntent = { onPointerEnter: preloadPayDialog, onTouchStart: preloadPayDialog, onFocus: preloadPayDialog };

/** PayDialog, loaded on demand (never server-rendered: it only exists after a click). */
export const LazyPayDialog = dynamic(() => load().then((m) => m.PayDialog), { ssr: false });
