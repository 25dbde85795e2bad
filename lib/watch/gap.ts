/**
 * "The owner's usual gap": how long this phone usually goes between two
 * forwarded notifications. From the last 30 days of its forwarded (non-
 * heartbeat) notifications, the 95th percentile of the gaps between
 * consecutive ones, never less than 30 minutes. Fewer than 10 notifications
 * are not enough history to say what is usual: null (no silence alerts yet).
 * Pure.
 */
export const MIN_HISTORY = 10;
export const MIN_GAP_SECONDS = 30 * 60;

export function usualGapSeconds(times: Date[]): number | null {
  if (times.length < MIN_HISTORY) return null;
  const sorted = times.map((t) => t.getTime()).sort((a, b) => a - b);
  const gaps = sorted
    .slice(1)
    .map((t, i) => (t - sorted[i]) / 1000)
    .sort((a, b) => a - b);
  const p95 = gaps[Math.min(gaps.length - 1, Math.ceil(gaps.length * 0.95) - 1)];
  return Math.max(Math.round(p95), MIN_GAP_SECONDS);
}
