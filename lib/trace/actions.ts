import { z } from "zod";
import { db } from "@/lib/db/client";
import { withTx } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";
import { rotateFeedToken } from "@/lib/readers/feed-token";
import { revokeGrants } from "@/lib/entitlements/grant";

/**
 * What the owner can do about a reader a leak was traced to (admin 泄露追踪). Both are admin
 * writes, so every instance drops its cached pages and remembered grants at once
 * (lib/admin/content.ts, lib/entitlements/grant-cache.ts): the next request is refused.
 */
const READER_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** The body of both actions' requests. */
export const readerAction = z.object({ readerId: z.string({ error: "请提供读者 ID" }).trim().min(1).max(64) });

function checkReader(readerId: string): void {
  if (!READER_ID.test(readerId)) throw new AppError("invalid_input", "读者 ID 格式不对。");
}

/**
 * Takes away everything the reader may read — posts, series, site passes — and stops their private
 * feeds, in one transaction. Their orders stay paid (money already received is not undone here; a
 * refund is the owner's own business), and the marks already delivered stay on record for the tracer.
 */
export async function revokeReaderEntitlements(readerId: string) {
  checkReader(readerId);
  return withTx(async (tx) => {
    const grants = await revokeGrants(tx, { readerId });
    const feeds =
      (await tx.readerFeed.deleteMany({ where: { readerId } })).count + (await tx.deviceFeed.deleteMany({ where: { readerId } })).count;
    return { readerId, ...grants, feeds };
  });
}

/** Gives every private feed URL of the reader (theirs and their restored browsers') a new one; 我的购买 tells them. */
export async function rotateReaderFeeds(readerId: string, now = new Date()) {
  checkReader(readerId);
  const tokens = [
    ...(await db().readerFeed.findMany({ where: { readerId }, select: { token: true } })),
    ...(await db().deviceFeed.findMany({ where: { readerId }, select: { token: true } })),
  ];
  let rotated = 0;
  for (const { token } of tokens) if (await rotateFeedToken(token, "owner", now)) rotated++;
  return { readerId, rotated };
}
