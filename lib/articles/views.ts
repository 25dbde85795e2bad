import { db } from "@/lib/db/client";

/**
 * Page views are counted in memory and written in one batch every FLUSH_MS
 * (createMany), so a post going viral costs one insert per few seconds, not one
 * per visitor, and a page never waits for the count. A process that dies loses
 * at most the last few seconds of view counts: they are funnel statistics, not money.
 */
export const FLUSH_MS = 5_000;
const MAX_BUFFER = 10_000;

interface Buffer {
  rows: { type: "view"; articleId: string; createdAt: Date }[];
  timer: ReturnType<typeof setTimeout> | null;
}
const g = globalThis as unknown as { __paywallViews?: Buffer };
const buf = (g.__paywallViews ??= { rows: [], timer: null });

export function queueView(articleId: string, now = new Date()): void {
  // Beyond the cap (the database is down for a long time) further views are dropped rather than kept forever.
  if (buf.rows.length < MAX_BUFFER) buf.rows.push({ type: "view", articleId, createdAt: now });
  if (!buf.timer) {
    buf.timer = setTimeout(() => void flushViews(), FLUSH_MS);
    buf.timer.unref?.();
  }
}

/** Writes the buffered views now (also what the timer calls). Never throws. */
export async function flushViews(): Promise<number> {
  if (buf.timer) clearTimeout(buf.timer);
  buf.timer = null;
  const rows = buf.rows.splice(0);
  if (!rows.length) return 0;
  try {
    // A post deleted meanwhile would fail the whole batch on its foreign key: only existing posts count.
    const ids = [...new Set(rows.map((r) => r.articleId))];
    const existing = new Set((await db().article.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((a) => a.id));
    const keep = rows.filter((r) => existing.has(r.articleId));
    if (keep.length) await db().event.createMany({ data: keep });
    return keep.length;
  } catch (e) {
    console.error("[views] could not write page views", e);
    return 0;
  }
}
