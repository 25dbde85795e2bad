import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";

/**
 * Fixed-window limits kept in this process's memory. With several server
 * processes each has its own window, so the effective limit is multiplied by
 * the process count; the money rules never depend on these limits.
 */
const limiters = new Map<string, RateLimiterMemory>();

function limiter(name: string, points: number, durationSeconds: number): RateLimiterMemory {
  const id = `${name}:${points}:${durationSeconds}`;
  let l = limiters.get(id);
  if (!l) {
    l = new RateLimiterMemory({ keyPrefix: name, points, duration: durationSeconds });
    limiters.set(id, l);
  }
  return l;
}

/** Consumes one point for key; throws 429 rate_limited with Retry-After when the window is used up. */
export async function consume(name: string, key: string, points: number, durationSeconds: number, message: string): Promise<void> {
  try {
    await limiter(name, points, durationSeconds).consume(key);
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      const retry = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new AppError("rate_limited", message, { headers: { "Retry-After": String(retry) } });
    }
    throw e;
  }
}

/** True when key has already used up its window (does not consume). */
export async function isLimited(name: string, key: string, points: number, durationSeconds: number): Promise<boolean> {
  const res = await limiter(name, points, durationSeconds).get(key);
  return !!res && res.consumedPoints >= points;
}

/** Seconds until key's window ends when it is used up, else null (does not consume). */
export async function blockedFor(name: string, key: string, points: number, durationSeconds: number): Promise<number | null> {
  const res = await limiter(name, points, durationSeconds).get(key);
  if (!res || res.consumedPoints < points) return null;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/**
 * Consumes one point and says whether it was within the window, never throwing:
 * for counting ("the first view per address per 10 minutes") rather than refusing.
 */
export async function withinWindow(name: string, key: string, points: number, durationSeconds: number): Promise<boolean> {
  try {
    await limiter(name, points, durationSeconds).consume(key);
    return true;
  } catch (e) {
    if (e instanceof RateLimiterRes) return false;
    throw e;
  }
}

export function resetRateLimits(): void {
  limiters.clear();
}
