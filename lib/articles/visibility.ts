import { db } from "@/lib/db/client";

/**
 * The one rule for "readers may see this post": it is published and its publish
 * time has come. A published post with a future publishedAt is scheduled (定时发布):
 * it appears by itself when the time passes, because every public query asks with
 * the current time — no job has to flip a flag, and nothing survives a restart
 * that could miss it. The caches in front of these queries (lib/articles/cache.ts,
 * the page store) live 10 s at most; the feeds bound their shared-cache lifetime by
 * the next scheduled time (nextScheduledAt). The owner's word for each state, and the same rule
 * for one row, are in lib/articles/publication.ts (postState).
 */
export function visibleWhere(now = new Date()) {
  return { published: true, publishedAt: { lte: now } };
}

/** The earliest publish time still to come, or null: how long a public copy of a listing may be kept. */
export async function nextScheduledAt(now = new Date()): Promise<Date | null> {
  const row = await db().article.findFirst({
    where: { published: true, publishedAt: { gt: now } },
    orderBy: { publishedAt: "asc" },
    select: { publishedAt: true },
  });
  return row?.publishedAt ?? null;
}
