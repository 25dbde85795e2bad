"use client";
import { useSyncExternalStore } from "react";

/**
 * Seconds left until a deadline on this device's clock. The server decides
 * expiry; the countdown only shows it. `localDeadline` moves the server's
 * deadline onto our clock with the offset between the two, so a wrong phone
 * clock neither shortens nor stretches the countdown.
 */
export function localDeadline(expiresAt: string, serverTime: string, receivedAt = Date.now()): number {
  return Date.parse(expiresAt) - (Date.parse(serverTime) - receivedAt);
}

const TICK_MS = 250;
const subscribe = (onTick: () => void) => {
  const t = setInterval(onTick, TICK_MS);
  return () => clearInterval(t);
};
const tickNow = () => Math.floor(Date.now() / TICK_MS);
const noTick = () => 0;

export function useCountdown(deadline: number | null): number | null {
  const tick = useSyncExternalStore(subscribe, tickNow, noTick);
  if (deadline === null || tick === 0) return null;
  return Math.max(0, Math.ceil((deadline - tick * TICK_MS) / 1000));
}

export function formatClock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
