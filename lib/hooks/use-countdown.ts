"use client";
import { useEffect, useState } from "react";

/**
 * Seconds left until a server deadline. The offset between the server's clock
 * and ours is taken from serverTime, so a wrong phone clock does not shorten
 * or stretch the countdown. The server still decides expiry.
 */
export function useCountdown(expiresAt: string | null, serverTime: string | null): number | null {
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    if (!expiresAt) {
      setLeft(null);
      return;
    }
    const skew = serverTime ? Date.parse(serverTime) - Date.now() : 0;
    const deadline = Date.parse(expiresAt) - skew;
    const tick = () => setLeft(Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
    tick();
    const t = setInterval(tick, 250);
    return () => clearInterval(t);
  }, [expiresAt, serverTime]);
  return left;
}

export function formatClock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
