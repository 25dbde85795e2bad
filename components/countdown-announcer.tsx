"use client";

/** The last milestone passed: screen readers hear the countdown at 1 minute, 30 and 10 seconds, not every second. */
function milestone(seconds: number | null): string {
  if (seconds === null || seconds > 60) return "";
  if (seconds > 30) return "剩余 1 分钟";
  if (seconds > 10) return "剩余 30 秒";
  return "剩余 10 秒";
}

export function CountdownAnnouncer({ seconds }: { seconds: number | null }) {
  return (
    <p aria-live="polite" className="sr-only">
      {milestone(seconds)}
    </p>
  );
}
