import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { linkId } from "@/lib/readers/links";
import type { ReaderCookie } from "@/lib/readers/session";
import { FEED_ROTATED_BY, type FeedRotatedBy } from "@/lib/readers/feed-notice";

/**
 * The secret in a private feed URL. Separate from the restore token on purpose:
 * a feed URL is pasted into feed readers and online services, so it must be
 * revocable on its own without touching the reader's identity. Issuing again
 * replaces it (the old URL stops working at once).
 *
 * Whose feed a browser sees depends on how it got its reader id. The buyer's own
 * browsers share the reader's feed (ReaderFeed). A browser restored through a
 * restore link gets one of its own (DeviceFeed, per link and device): it can
 * neither read nor replace the buyer's URL, and every URL it was given dies with
 * the link when the owner revokes it — a leaked link cannot leave a feed behind
 * that keeps serving what the buyer buys later.
 */
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** Whose feed: the reader, and the restore link and device when the browser came through one. */
export type FeedHolder = Pick<ReaderCookie, "readerId" | "via">;

/** What a feed URL stands for: the reader whose purchases it carries, and the restored browser holding it (if any). */
export interface FeedOwner {
  readerId: string;
  /** The restore device id; null for the buyer's own feed. */
  deviceId: string | null;
  linkId: string | null;
  rotatedAt: Date | null;
}

export async function currentFeedTokenFor(h: FeedHolder): Promise<string | null> {
  return (await currentFeed(h))?.token ?? null;
}

/** The holder's feed row (token, and when and by whom it was last replaced for them), or null. */
export async function currentFeed(
  h: FeedHolder,
): Promise<{ token: string; rotatedAt: Date | null; rotatedBy: FeedRotatedBy | null } | null> {
  const select = { token: true, rotatedAt: true, rotatedBy: true } as const;
  const row = !h.via
    ? await db().readerFeed.findUnique({ where: { readerId: h.readerId }, select })
    : await db().deviceFeed.findUnique({
        where: { linkId_deviceId: { linkId: linkId(h.readerId, h.via.generation), deviceId: h.via.deviceId } },
        select,
      });
  return row && { ...row, rotatedBy: FEED_ROTATED_BY.parse(row.rotatedBy) };
}

export async function issueFeedTokenFor(h: FeedHolder, now = new Date()): Promise<string> {
  const token = newId(24);
  if (!h.via) {
    const data = { token, createdAt: now, rotatedAt: null, rotatedBy: null };
    await db().readerFeed.upsert({ where: { readerId: h.readerId }, create: { readerId: h.readerId, ...data }, update: data });
    return token;
  }
  // A restored browser's cookie names its link, which exists: confirming created its row.
  const link = linkId(h.readerId, h.via.generation);
  await db().deviceFeed.upsert({
    where: { linkId_deviceId: { linkId: link, deviceId: h.via.deviceId } },
    create: { token, readerId: h.readerId, linkId: link, deviceId: h.via.deviceId, createdAt: now },
    update: { token, createdAt: now, rotatedAt: null, rotatedBy: null },
  });
  return token;
}

export async function revokeFeedTokenFor(h: FeedHolder): Promise<void> {
  if (!h.via) await db().readerFeed.deleteMany({ where: { readerId: h.readerId } });
  else await db().deviceFeed.deleteMany({ where: { linkId: linkId(h.readerId, h.via.generation), deviceId: h.via.deviceId } });
}

/** Who a feed URL belongs to, or null for an unknown, replaced or stopped token, or one whose restore link was revoked. */
export async function feedOwner(token: string): Promise<FeedOwner | null> {
  if (!TOKEN.test(token)) return null;
  const own = await db().readerFeed.findUnique({ where: { token }, select: { readerId: true, rotatedAt: true } });
  if (own) return { readerId: own.readerId, deviceId: null, linkId: null, rotatedAt: own.rotatedAt };
  const device = await db().deviceFeed.findUnique({
    where: { token },
    select: { readerId: true, deviceId: true, linkId: true, rotatedAt: true, link: { select: { revokedAt: true } } },
  });
  if (!device || device.link.revokedAt) return null;
  return { readerId: device.readerId, deviceId: device.deviceId, linkId: device.linkId, rotatedAt: device.rotatedAt };
}

export const privateFeedPath = (token: string) => `/feed/private/${token}`;

/**
 * Replaces a feed URL for its holder (the feed guard, or the owner from the leak tracer): the old URL
 * answers 404 from now on, 我的购买 shows the new one with a notice. Null when the token is not current.
 */
export async function rotateFeedToken(token: string, by: FeedRotatedBy, now = new Date()): Promise<string | null> {
  const fresh = newId(24);
  const data = { token: fresh, rotatedAt: now, rotatedBy: by };
  const own = await db().readerFeed.updateMany({ where: { token }, data });
  if (own.count === 0 && (await db().deviceFeed.updateMany({ where: { token }, data })).count === 0) return null;
  return fresh;
}
