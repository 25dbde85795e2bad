import { createHash, randomBytes } from "node:crypto";
import { sameSecret } from "@/lib/constant-time";
import { db } from "@/lib/db/client";
import { withTx, isUniqueViolation } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";
import { currentCredential, envPassword, hashPassword, MIN_PASSWORD_LENGTH, PASSWORD_HASH_KEY } from "@/lib/auth/credential";

/**
 * First run in the browser: with no password stored and no ADMIN_PASSWORD,
 * `npm start` prints a one-time link /admin/setup/<token>. Only the token's
 * hash is stored; choosing a password consumes it, so the link works once.
 * A restart before that replaces it (the old link stops working); it expires
 * after a day so a link left in a log is not an open door for long.
 */
export const SETUP_TOKEN_KEY = "admin_setup_token";
const SETUP_TTL_MS = 24 * 3600 * 1000;

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/** A fresh setup token when the admin has no password yet, else null. Replaces any earlier one. */
export async function issueSetupToken(now = new Date()): Promise<string | null> {
  if (await currentCredential()) return null;
  const token = randomBytes(24).toString("base64url");
  const value = JSON.stringify({ hash: digest(token), expiresAt: new Date(now.getTime() + SETUP_TTL_MS).toISOString() });
  await db().setting.upsert({ where: { key: SETUP_TOKEN_KEY }, create: { key: SETUP_TOKEN_KEY, value }, update: { value } });
  return token;
}

export type SetupState = "open" | "invalid" | "done";

/** What the setup page should show for this token. Reads only. */
export async function setupState(token: string, now = new Date()): Promise<SetupState> {
  if (await currentCredential()) return "done";
  const row = await db().setting.findUnique({ where: { key: SETUP_TOKEN_KEY }, select: { value: true } });
  return row && tokenFits(row.value, token, now) ? "open" : "invalid";
}

function tokenFits(stored: string, token: string, now: Date): boolean {
  try {
    const { hash, expiresAt } = JSON.parse(stored) as { hash: string; expiresAt: string };
    return sameSecret(digest(token), hash) && new Date(expiresAt) > now;
  } catch {
    return false;
  }
}

export function validateNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError("invalid_input", `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符。`);
  }
  if (password.length > 200) throw new AppError("invalid_input", "密码不能超过 200 个字符。");
}

const INVALID = "设置链接无效或已过期：请重启服务（npm start），使用终端里新打印的 /admin/setup/… 链接。";

/**
 * Stores the first password and consumes the link, in one transaction: of two
 * people racing with the same link, exactly one sets the password.
 */
export async function completeSetup(token: string, password: string, now = new Date()): Promise<void> {
  validateNewPassword(password);
  if (envPassword()) throw new AppError("conflict", "管理密码已由环境变量 ADMIN_PASSWORD 设置，请直接登录。");
  const hashed = await hashPassword(password);
  try {
    await withTx(async (tx) => {
      const row = await tx.setting.findUnique({ where: { key: SETUP_TOKEN_KEY }, select: { value: true } });
      if (!row || !tokenFits(row.value, token, now)) throw new AppError("forbidden", INVALID);
      const consumed = await tx.setting.deleteMany({ where: { key: SETUP_TOKEN_KEY, value: row.value } });
      if (consumed.count !== 1) throw new AppError("forbidden", INVALID);
      await tx.setting.create({ data: { key: PASSWORD_HASH_KEY, value: hashed } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", "管理密码已经设置过了，请直接登录。");
    throw e;
  }
}

/** The owner's password change in the admin: only for a stored password (ADMIN_PASSWORD is changed in the environment). */
export async function changeStoredPassword(password: string): Promise<void> {
  validateNewPassword(password);
  if (envPassword()) {
    throw new AppError("conflict", "当前密码由环境变量 ADMIN_PASSWORD 决定：请修改该变量后重启服务（或删除它，改用在此设置的密码）。");
  }
  const value = await hashPassword(password);
  await db().setting.upsert({ where: { key: PASSWORD_HASH_KEY }, create: { key: PASSWORD_HASH_KEY, value }, update: { value } });
}
