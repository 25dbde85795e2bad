import { AppError } from "@/lib/errors";
import { addressKey } from "@/lib/http/address-key";
import { requireCredential } from "@/lib/auth/owner";
import { passwordMatches } from "@/lib/auth/credential";
import { clearFailures, noteFailure, refuseIfBackedOff, waitForTurn } from "@/lib/auth/login-limit";
import { createSession } from "@/lib/auth/sessions";

/** A password login from `ip`: throttled (login-limit.ts), then a new database session's token. */
export async function login(password: string, meta: { ip: string; userAgent: string | null }): Promise<string> {
  const credential = await requireCredential();
  const address = addressKey(meta.ip);
  await refuseIfBackedOff(address);
  await waitForTurn();
  if (!(await passwordMatches(credential, password))) {
    await noteFailure(address, "password");
    throw new AppError("unauthorized", "密码错误。");
  }
  await clearFailures(address);
  return createSession(credential, meta);
}

/**
 * Before authenticating an /api/admin/* request with a bearer token: an
 * address in backoff is refused, and a wrong token counts as a failure of that
 * address (not toward the global limit: a 24+ character token cannot be
 * guessed, and counting it there would make slowing the owner's login cheap).
 */
export async function guardBearerAttempt(header: string | null, ip: string, valid: boolean): Promise<void> {
  if (!header || !/^Bearer\s/i.test(header.trim())) return;
  const address = addressKey(ip);
  await refuseIfBackedOff(address);
  if (!valid) await noteFailure(address, "token");
}
