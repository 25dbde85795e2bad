import { createHmac } from "node:crypto";
import { sameSecret } from "@/lib/constant-time";
import { hash, verify } from "@node-rs/argon2";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db/client";
import { sessionSecret } from "@/lib/http/session-secret";

/**
 * The owner's password: ADMIN_PASSWORD when it is set (scripted deployments
 * declare it and it wins, so the environment always says what logs in), else
 * the argon2id hash the owner chose in the browser (first-run setup, or a
 * change in the admin), stored in the Setting table.
 */
export const MIN_PASSWORD_LENGTH = 8;
export const PASSWORD_HASH_KEY = "admin_password_hash";

export type Credential = { source: "env"; password: string } | { source: "stored"; hash: string };

export function envPassword(): string | undefined {
  const pw = config().ADMIN_PASSWORD;
  // The admin faces the internet: a shorter one is treated as not set.
  return pw && pw.length >= MIN_PASSWORD_LENGTH ? pw : undefined;
}

export async function currentCredential(client: Tx | ReturnType<typeof db> = db()): Promise<Credential | null> {
  const pw = envPassword();
  if (pw) return { source: "env", password: pw };
  const row = await client.setting.findUnique({ where: { key: PASSWORD_HASH_KEY }, select: { value: true } });
  return row ? { source: "stored", hash: row.value } : null;
}

/**
 * Sessions remember the credential they were issued under: a new password (in
 * the environment or stored) no longer matches, so older sessions end.
 */
export function credentialFingerprint(c: Credential): string {
  const material = c.source === "env" ? `env:${c.password}` : `stored:${c.hash}`;
  return createHmac("sha256", sessionSecret()).update(`admin-credential:${material}`).digest("base64url").slice(0, 22);
}

export async function passwordMatches(c: Credential, attempt: string): Promise<boolean> {
  if (c.source === "env") return sameSecret(attempt, c.password);
  try {
    return await verify(c.hash, attempt);
  } catch {
    return false; // a damaged stored hash logs nobody in
  }
}

/** argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}
