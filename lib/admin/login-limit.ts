import { blockedFor, withinWindow } from "@/lib/http/rate-limit";
import { addressKey } from "@/lib/http/address-key";
import { AppError } from "@/lib/errors";
import { checkBearer } from "@/lib/admin/auth";
import { clientIp } from "@/lib/http/client-ip";

/**
 * Failed admin logins (wrong password, wrong bearer token):
 * - 5 per 15 minutes per address (IPv6: per /64), then 429 for that address,
 *   even for the right password or token;
 * - 50 password failures per 15 minutes across all addresses, then 429 for
 *   every password login: spreading guesses over many addresses gets no further.
 *   Existing sessions and a valid ADMIN_TOKEN keep working. Wrong bearer tokens
 *   count per address only: a token of 24+ characters cannot be guessed, and
 *   letting them lock out the password would make the lockout cheaper.
 * Shared by every server process on PostgreSQL, per process on SQLite (lib/http/rate-limit.ts).
 */
const PER_ADDRESS = 5;
const GLOBAL = 50;
const WINDOW = 900;
const MESSAGE = "登录失败次数过多，请 15 分钟后再试。";
const GLOBAL_MESSAGE =
  "最近 15 分钟内管理后台登录失败次数过多（可能有人在猜密码），已暂停所有密码登录，请稍后再试。已登录的会话和 ADMIN_TOKEN 不受影响。";

async function refuse(name: string, key: string, points: number, message: string): Promise<void> {
  const retry = await blockedFor(name, key, points, WINDOW);
  if (retry !== null) throw new AppError("rate_limited", message, { headers: { "Retry-After": String(retry) } });
}

export async function refuseIfBlocked(ip: string): Promise<void> {
  await refuse("admin-login", addressKey(ip), PER_ADDRESS, MESSAGE);
  await refuse("admin-login-global", "all", GLOBAL, GLOBAL_MESSAGE);
}

export async function noteLoginFailure(ip: string): Promise<void> {
  await withinWindow("admin-login", addressKey(ip), PER_ADDRESS, WINDOW);
  await withinWindow("admin-login-global", "all", GLOBAL, WINDOW);
}

/**
 * Before authenticating an /api/admin/* request: an address that failed too
 * often is refused, and a wrong bearer token counts as a failure.
 */
export async function guardBearerAttempt(req: Request): Promise<void> {
  const header = req.headers.get("authorization");
  if (!header || !/^Bearer\s/i.test(header.trim())) return;
  const key = addressKey(clientIp(req));
  await refuse("admin-login", key, PER_ADDRESS, MESSAGE);
  if (!checkBearer(header)) await withinWindow("admin-login", key, PER_ADDRESS, WINDOW);
}
