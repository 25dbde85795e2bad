import { AppError } from "@/lib/errors";
import { consume, isLimited } from "@/lib/http/rate-limit";
import { addressKey } from "@/lib/http/address-key";
import { pruneRejected } from "@/lib/notify/audit";

/**
 * Requests that fail verification are recorded, but once an address keeps
 * failing (30 per 10 minutes) its failures are no longer stored, and the
 * stored failures are pruned now and then. A *correctly signed* request from
 * a noisy address is still processed: the phone often shares its address
 * (carrier NAT, or a reverse proxy without TRUST_PROXY) with whoever sends
 * the garbage, and refusing it would let anyone lock real payments out.
 */
const FAILS = 30;
const WINDOW = 600;

// Counted per address key (IPv6: per /64), like every per-address limit.
export async function isNoisy(ip: string): Promise<boolean> {
  return isLimited("notify-fail", addressKey(ip), FAILS, WINDOW);
}

export function noisyError(): AppError {
  return new AppError("rate_limited", "验证失败次数过多，请检查设备密钥后稍后再试。", { headers: { "Retry-After": String(WINDOW) } });
}

let failuresSincePrune = 0;

export async function noteFailure(ip: string): Promise<void> {
  await consume("notify-fail", addressKey(ip), FAILS, WINDOW, "").catch(() => {});
  if (++failuresSincePrune >= 100) {
    failuresSincePrune = 0;
    await pruneRejected().catch((e) => console.error("[notify] prune failed", e));
  }
}
