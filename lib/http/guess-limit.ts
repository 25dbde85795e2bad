import { AppError } from "@/lib/errors";
import { addressKey } from "@/lib/http/address-key";
import { COUNTER_POINTS, spent, withinWindow } from "@/lib/http/rate-limit";

/**
 * Limits on guessing codes that are worth something (兑换码, 优惠码): failed
 * tries count per client address (IPv6 per /56: one subscriber's whole
 * block), per reader, and across everyone, in ten-minute windows shared by
 * every process on PostgreSQL (rate-limit.ts).
 *
 * The count across everyone never refuses anybody — a global refusal let 300
 * failures from ~30 addresses lock every reader out. Instead, while that
 * count is high the site is "under attack": each address gets only a few
 * failures per window, and every failure answers after a short pause. A
 * reader on an address that has not failed yet is always heard, so a valid
 * code still works; guessing just gets slower and needs ever more addresses.
 */
export type GuessKind = "redeem" | "coupon";

const WINDOW_SECONDS = 600;
export const GUESS_LIMITS = {
  perAddress: 10,
  perReader: 10,
  /** Failures across everyone in one window from which the site counts as under attack. */
  underAttack: 300,
  /** Failures per address and window while under attack. */
  perAddressUnderAttack: 3,
  /** How long a failure's answer waits while under attack. */
  slowMs: 1500,
};

const TOO_MANY: Record<GuessKind, string> = { redeem: "兑换失败次数过多", coupon: "优惠码输错次数过多" };
const names = (kind: GuessKind) => ({ address: `${kind}-guess-address`, reader: `${kind}-guess-reader`, all: `${kind}-guess-all` });

/** Throws 429 when this address or reader has used up its failures; reads only. */
export async function refuseIfGuessing(kind: GuessKind, ip: string, readerId: string | null): Promise<void> {
  const n = names(kind);
  const all = await spent(n.all, "all", WINDOW_SECONDS);
  const perAddress = all.count >= GUESS_LIMITS.underAttack ? GUESS_LIMITS.perAddressUnderAttack : GUESS_LIMITS.perAddress;
  const checks: [string, string, number][] = [[n.address, addressKey(ip, 56), perAddress]];
  if (readerId) checks.push([n.reader, readerId, GUESS_LIMITS.perReader]);
  for (const [name, key, max] of checks) {
    const s = await spent(name, key, WINDOW_SECONDS);
    if (s.count < max) continue;
    const retry = Math.max(1, Math.ceil(s.msBeforeNext / 1000));
    throw new AppError("rate_limited", `${TOO_MANY[kind]}，请 ${Math.ceil(retry / 60)} 分钟后再试。`, {
      headers: { "Retry-After": String(retry) },
    });
  }
}

/** Counts one failed try; while the site is under attack the answer waits a moment. */
export async function noteFailedGuess(kind: GuessKind, ip: string, readerId: string | null): Promise<void> {
  const n = names(kind);
  await withinWindow(n.address, addressKey(ip, 56), COUNTER_POINTS, WINDOW_SECONDS);
  if (readerId) await withinWindow(n.reader, readerId, COUNTER_POINTS, WINDOW_SECONDS);
  await withinWindow(n.all, "all", COUNTER_POINTS, WINDOW_SECONDS);
  if ((await spent(n.all, "all", WINDOW_SECONDS)).count >= GUESS_LIMITS.underAttack) {
    await new Promise((r) => setTimeout(r, GUESS_LIMITS.slowMs));
  }
}
