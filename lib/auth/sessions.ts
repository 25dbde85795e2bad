import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { credentialFingerprint, currentCredential, type Credential } from "@/lib/auth/credential";

/**
 * Admin sessions live in the database: the cookie holds a random token, the
 * row its hash. Logging out deletes the row and a password change deletes them
 * all, so a stolen cookie stops working at once, on every server process.
 */
export const ADMIN_SESSION_SECONDS = 12 * 3600;

const tokenId = (token: string) => createHash("sha256").update(token).digest("base64url");

export async function createSession(
  credential: Credential,
  meta: { ip?: string; userAgent?: string | null } = {},
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db().adminSession.create({
    data: {
      id: tokenId(token),
      credential: credentialFingerprint(credential),
      createdAt: now,
      expiresAt: new Date(now.getTime() + ADMIN_SESSION_SECONDS * 1000),
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
  });
  return token;
}

/** The session's id when the token is a live session under the current password, else null. Reads only. */
export async function verifySession(token: string | undefined | null, now = new Date()): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const id = tokenId(token);
  const [row, credential] = await Promise.all([
    db().adminSession.findUnique({ where: { id }, select: { credential: true, expiresAt: true } }),
    currentCredential(),
  ]);
  if (!row || !credential || row.expiresAt <= now) return null;
  return row.credential === credentialFingerprint(credential) ? id : null;
}

export async function endSession(token: string | undefined | null): Promise<void> {
  if (token) await db().adminSession.deleteMany({ where: { id: tokenId(token) } });
}

/** Ends every session except `keepToken`'s (the owner's own, when they ask to sign out elsewhere). */
export async function endOtherSessions(keepToken?: string | null): Promise<number> {
  const keep = keepToken ? tokenId(keepToken) : undefined;
  const res = await db().adminSession.deleteMany({ where: keep ? { id: { not: keep } } : {} });
  return res.count;
}

export interface SessionView {
  current: boolean;
  createdAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** Live sessions, newest first; the ids (token hashes) are not shown. */
export async function listSessions(currentToken?: string | null, now = new Date()): Promise<SessionView[]> {
  const current = currentToken ? tokenId(currentToken) : null;
  const rows = await db().adminSession.findMany({ where: { expiresAt: { gt: now } }, orderBy: { createdAt: "desc" }, take: 50 });
  return rows.map((r) => ({ current: r.id === current, createdAt: r.createdAt, expiresAt: r.expiresAt, ip: r.ip, userAgent: r.userAgent }));
}

export async function pruneSessions(now = new Date()): Promise<void> {
  await db().adminSession.deleteMany({ where: { expiresAt: { lte: now } } });
}
