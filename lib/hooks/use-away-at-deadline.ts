"use client";
import { useEffect, useState } from "react";

/**
 * True once the deadline passed while this page was hidden: the reader had
 * switched to WeChat or Alipay to pay (or to the photo album to find the saved
 * code). That, not a countdown that ran out in front of them, earns the one
 * extension. Only listens: going away never cancels anything.
 */
export function useAwayAtDeadline(deadline: number | null): boolean {
  const [away, setAway] = useState<{ deadline: number | null; away: boolean }>({ deadline, away: false });
  useEffect(() => {
    if (deadline === null) return;
    let hiddenAt = document.visibilityState === "hidden" ? Date.now() : null;
    const onChange = () => {
      if (document.visibilityState === "hidden") {
        hiddenAt = Date.now();
        return;
      }
      if (hiddenAt !== null && hiddenAt < deadline && Date.now() >= deadline) setAway({ deadline, away: true });
      hiddenAt = null;
    };
    document.addEventListener("visibilitychange", onChange);
    return () => document.removeEventListener("visibilitychange", onChange);
  }, [deadline]);
  return away.deadline === deadline && away.away;
}
