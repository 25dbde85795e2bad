import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { config, databaseKind } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { registerCache } from "@/lib/process-caches";

/**
 * Fixed-window limits (order rate, login attempts, notifier failures). On
 * PostgreSQL — the multi-process setup — the windows live in the database
 * (table "RateLimit", rate-limiter-flexible's atomic upsert), so the limit
 * holds across every server process; if the database cannot be reached the
 * limiter falls back to this process's memory rather than failing the request.
 * On SQLite (one server process) they live in memory. Callers that only count
 * (`shared: false`, e.g. the funnel) always stay in memory: a write per page
 * view is not worth it.
 */
export interface LimitOptions {
  /** false: this process's memory even on PostgreSQL (counting, not protection). */
  shared?: boolean;
}

const TABLE = "RateLimit";
const limiters = new Map<string, RateLimiterAbstract>();
let pool: { url: string; pool: pg.Pool } | undefined;

function storePool(url: string): pg.Pool {
  if (pool?.url !== url) {
    void pool?.pool.end().catch(() => {});
    // Small: each limit check is one short statement. allowExitOnIdle lets scripts and tests exit.
    pool = { url, pool: new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 10_000, allowExitOnIdle: true }) };
    pool.pool.on("error", (e) => console.error("[rate-limit] idle connection error", e.message));
  }
  return pool.pool;
}

function limiter(name: string, points: number, durationSeconds: number, opts: LimitOptions = {}): RateLimiterAbstract {
  const url = config().DATABASE_URL;
  const shared = opts.shared !== false && databaseKind(url) === "postgres";
  const id = `${name}:${points}:${durationSeconds}:${shared ? url : "memory"}`;
  let l = limiters.get(id);
  if (!l) {
    const base = { keyPrefix: name, points, duration: durationSeconds };
    l = shared
      ? new RateLimiterPostgres({
          ...base,
          storeClient: storePool(url),
          storeType: "pool",
          tableName: TABLE,
          tableCreated: true, // by the migrations
          insuranceLimiter: new RateLimiterMemory(base),
        })
      : new RateLimiterMemory(base);
    limiters.set(id, l);
  }
  return l;
}

/** Consumes one point for key; throws 429 rate_limited with Retry-After when the window is used up. */
export async function consume(
  name: string,
  key: string,
  points: number,
  durationSeconds: number,
  message: string,
  opts?: LimitOptions,
): Promise<void> {
  try {
    await limiter(name, points, durationSeconds, opts).consume(key);
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      const retry = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new AppError("rate_limited", message, { headers: { "Retry-After": String(retry) } });
    }
    throw e;
  }
}

/**
 * What key has spent in the window of a counter (a limit of `COUNTER_POINTS`
 * that withinWindow() fills and this reads), for callers that compare the
 * count with thresholds of their own. Does not consume.
 */
export async function spent(name: string, key: string, durationSeconds: number): Promise<{ count: number; msBeforeNext: number }> {
  const res = await limiter(name, COUNTER_POINTS, durationSeconds).get(key);
  return { count: res?.consumedPoints ?? 0, msBeforeNext: res?.msBeforeNext ?? 0 };
}
export const COUNTER_POINTS = 1_000_000;

/** True when key has already used up its window (does not consume). */
export async function isLimited(name: string, key: string, points: number, durationSeconds: number, opts?: LimitOptions): Promise<boolean> {
  const res = await limiter(name, points, durationSeconds, opts).get(key);
  return !!res && res.consumedPoints >= points;
}

/** Seconds until key's window ends when it is used up, else null (does not consume). */
export async function blockedFor(
  name: string,
  key: string,
  points: number,
  durationSeconds: number,
  opts?: LimitOptions,
): Promise<number | null> {
  const res = await limiter(name, points, durationSeconds, opts).get(key);
  if (!res || res.consumedPoints < points) return null;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/**
 * Consumes one point and says whether it was within the window, never throwing:
 * for counting ("the first view per address per 10 minutes") rather than refusing.
 */
export async function withinWindow(
  name: string,
  key: string,
  points: number,
  durationSeconds: number,
  opts?: LimitOptions,
): Promise<boolean> {
  try {
    await limiter(name, points, durationSeconds, opts).consume(key);
    return true;
  } catch (e) {
    if (e instanceof RateLimiterRes) return false;
    throw e;
  }
}

/** Forgets every window: this process's, and on PostgreSQL the shared table (tests). */
export async function resetRateLimits(): Promise<void> {
  limiters.clear();
  const url = config().DATABASE_URL;
  if (databaseKind(url) === "postgres") await storePool(url).query(`DELETE FROM "${TABLE}"`);
}
registerCache("rate-limits", { forget: resetRateLimits });
