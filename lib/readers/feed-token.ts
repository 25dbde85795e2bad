import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";

/**
 * The secret in a reader's private feed URL. Separate from the restore token on
 * purpose: a feed URL is pasted into feed readers and online services, so it
 * must be revocable on its own without touching the reader's identity. One per
 * reader; issuing again replaces it (the old URL stops working at once).
 */
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

export async function currentFeedToken(readerId: string): Promise<string | null> {
  return (await db().readerFeed.findUnique({ where: { readerId }, select: { token: true } }))?.token ?? null;
}

export async function issueFeedToken(readerId: string, now = new Date()): Promise<string> {
  const token = newId(24);
  await db().readerFeed.upsert({ where: { readerId }, create: { readerId, token, createdAt: now }, update: { token, createdAt: now } });
  return token;
}

export async function revokeFeedToken(readerId: string): Promise<void> {
  await db().readerFeed.deleteMany({ where: { readerId } });
}

/** The reader a feed URL belongs to, or null for an unknown or revoked token. */
export async function readerForFeedToken(token: string): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  return (await db().readerFeed.findUnique({ where: { token }, select: { readerId: true } }))?.readerId ?? null;
}

export const privateFeedPath = (token: string) => `/feed/private/${token}`;
