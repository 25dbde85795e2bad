/**
 * Retry delays for a failed job: 30 s, 1 min, 2 min … doubling, at most an
 * hour, each ±10% so that jobs failing together do not retry together.
 * With the default 8 attempts a job keeps trying for about two hours.
 */
const BASE_MS = 30_000;
const MAX_MS = 3600_000;

export function retryDelayMs(attempt: number, random = Math.random()): number {
  const base = Math.min(BASE_MS * 2 ** Math.max(0, attempt - 1), MAX_MS);
  return Math.round(base * (0.9 + 0.2 * random));
}
