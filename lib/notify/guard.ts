import { AppError } from "@/lib/errors";
import { consume, isLimited } from "@/lib/http/rate-limit";
import { pruneRejected } from "@/lib/notify/audit";

/**
 * Requests that fail verification are recorded, but an address that keeps
 * failing is refused before anything is stored (30 per 10 minutes), and the
 * stored failures are pruned now and then.
 */
const FAILS = 30;
const WINDOW = 600;

export async function refuseIfNoisy(ip: string): Promise<void> {
  if (await isLimited("notify-fail", ip, FAILS, WINDOW)) {
    throw new AppError("rate_limited", "验证失败次数过多，请检查设备密钥后稍后再试。", { headers: { "Retry-After": String(WINDOW) } });
  }
}

let failuresSincePrune = 0;

export async function noteFailure(ip: string): Promise<void> {
  await consume("notify-fail", ip, FAILS, WINDOW, "").catch(() => {});
  if (++failuresSincePrune >= 100) {
    failuresSincePrune = 0;
    await pruneRejected().catch((e) => console.error("[notify] prune failed", e));
  }
}
