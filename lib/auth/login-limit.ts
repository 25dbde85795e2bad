import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";

/**
 * Login throttling that slows guessing without locking the owner out:
 * - per address (IPv6: its /64): 5 failures are free, then each further
 *   attempt must wait 1, 2, 4 … minutes (at most an hour) after the last
 *   failure — 429 with Retry-After until then, even for the right password;
 * - across all addresses: past 50 password failures in 15 minutes, password
 *   checks take turns, one every 2 seconds for the whole site. A request waits
 *   up to 10 s for its turn and is then checked, so the right password still
 *   gets in (a little later) while guessing from many addresses is capped at
 *   one guess per turn. Addresses in backoff never get a turn, so ten
 *   addresses cannot crowd the owner out.
 * Failures are rows in the database, so every server process sees them.
 */
const FREE_FAILURES = 5;
const BACKOFF_BASE_SECONDS = 60;
const BACKOFF_MAX_SECONDS = 3600;
const MEMORY_MS = 24 * 3600 * 1000;
const GLOBAL_FAILURES = 50;
const GLOBAL_WINDOW_MS = 15 * 60 * 1000;
export const TURN_INTERVAL_MS = 2000;
const MAX_TURN_WAIT_MS = 10_000;
const TURN_KEY = "admin_login_turn";

export type FailureKind = "password" | "token";

/** Seconds the address must still wait before its next attempt, or 0. Pure. */
export function backoffSeconds(failures: number, lastFailure: Date | null, now: Date): number {
  if (failures < FREE_FAILURES || !lastFailure) return 0;
  const delay = Math.min(BACKOFF_BASE_SECONDS * 2 ** (failures - FREE_FAILURES), BACKOFF_MAX_SECONDS);
  const left = lastFailure.getTime() + delay * 1000 - now.getTime();
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

function wait(seconds: number): string {
  return seconds >= 90 ? `约 ${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
}

export async function refuseIfBackedOff(address: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - MEMORY_MS);
  const agg = await db().loginFailure.aggregate({
    where: { address, createdAt: { gt: since } },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  const left = backoffSeconds(agg._count._all, agg._max.createdAt, now);
  if (left > 0) {
    throw new AppError("rate_limited", `登录失败次数过多，请 ${wait(left)}后再试。`, { headers: { "Retry-After": String(left) } });
  }
}

export async function noteFailure(address: string, kind: FailureKind, now = new Date()): Promise<void> {
  await db().loginFailure.create({ data: { address: address.slice(0, 64), kind, createdAt: now } });
}

/** A successful login forgives its address. */
export async function clearFailures(address: string): Promise<void> {
  await db().loginFailure.deleteMany({ where: { address } });
}

export async function underGlobalAttack(now = new Date()): Promise<boolean> {
  const n = await db().loginFailure.count({
    where: { kind: "password", createdAt: { gt: new Date(now.getTime() - GLOBAL_WINDOW_MS) } },
  });
  return n >= GLOBAL_FAILURES;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits for this request's turn to check a password while the site is under a
 * guessing attack (a no-op otherwise). Turns are taken with a compare-and-set
 * on one row, so two processes never hand out the same turn.
 */
export async function waitForTurn(): Promise<void> {
  if (!(await underGlobalAttack())) return;
  const deadline = Date.now() + MAX_TURN_WAIT_MS;
  for (;;) {
    const now = Date.now();
    const next = new Date(now + TURN_INTERVAL_MS).toISOString();
    const row = await db().setting.findUnique({ where: { key: TURN_KEY }, select: { value: true } });
    if (!row) {
      try {
        await db().setting.create({ data: { key: TURN_KEY, value: next } });
        return;
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        continue;
      }
    }
    const free = new Date(row.value).getTime();
    if (!(free > now)) {
      const won = await db().setting.updateMany({ where: { key: TURN_KEY, value: row.value }, data: { value: next } });
      if (won.count === 1) return;
      continue;
    }
    if (free > deadline) {
      const retry = Math.max(1, Math.ceil((free - now) / 1000));
      throw new AppError(
        "rate_limited",
        "管理后台正在遭遇大量错误登录（可能有人在猜密码），登录需要排队，请几秒后再试。已登录的会话和 ADMIN_TOKEN 不受影响。",
        { headers: { "Retry-After": String(retry) } },
      );
    }
    await sleep(Math.min(free - now + 5 + Math.random() * 50, deadline - now));
  }
}

export async function pruneLoginFailures(now = new Date()): Promise<void> {
  await db().loginFailure.deleteMany({ where: { createdAt: { lte: new Date(now.getTime() - MEMORY_MS) } } });
}
