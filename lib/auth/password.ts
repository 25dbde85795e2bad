import { AppError } from "@/lib/errors";
import { addressKey } from "@/lib/http/address-key";
import { requireCredential } from "@/lib/auth/owner";
import { passwordMatches } from "@/lib/auth/credential";
import { noteFailure, refuseIfBackedOff } from "@/lib/auth/login-limit";
import { changeStoredPassword } from "@/lib/auth/setup";
import { createSession, endOtherSessions } from "@/lib/auth/sessions";

/**
 * The owner changes the password in the admin: the current one is checked
 * (a wrong one counts like a failed login), the new hash is stored, every
 * session ends — a stolen cookie with it — and the owner gets a new session.
 */
export async function changePassword(current: string, password: string, meta: { ip: string; userAgent: string | null }): Promise<string> {
  const address = addressKey(meta.ip);
  await refuseIfBackedOff(address);
  if (!(await passwordMatches(await requireCredential(), current))) {
    await noteFailure(address, "password");
    throw new AppError("unauthorized", "当前密码不正确。");
  }
  await changeStoredPassword(password);
  await endOtherSessions();
  return createSession(await requireCredential(), meta);
}
