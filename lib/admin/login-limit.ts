import { consume, isLimited } from "@/lib/http/rate-limit";
import { AppError } from "@/lib/errors";

/** Login attempts: 5 failures per 15 minutes per address, then 429 (even for the right password). */
const POINTS = 5;
const WINDOW = 900;
const MESSAGE = "登录失败次数过多，请 15 分钟后再试。";

export async function refuseIfBlocked(ip: string): Promise<void> {
  if (await isLimited("admin-login", ip, POINTS, WINDOW)) {
    throw new AppError("rate_limited", MESSAGE, { headers: { "Retry-After": String(WINDOW) } });
  }
}

export async function noteLoginFailure(ip: string): Promise<void> {
  await consume("admin-login", ip, POINTS, WINDOW, MESSAGE);
}
