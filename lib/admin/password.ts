import { AppError } from "@/lib/errors";
import { addressKey } from "@/lib/http/address-key";
import { requireCredential } from "@/lib/admin/auth";
import { passwordMatches } from "@/lib/admin/credential";
import { noteFailure, refuseIfBackedOff } from "@/lib/admin/login-limit";
import { changeStoredPassword } from "@/lib/admin/setup";
import { createSession, endOtherSessions } from "@/lib/admin/sessions";

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
