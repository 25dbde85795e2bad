import readingTime from "reading-time";
import { db } from "@/lib/db/client";
import { plainText } from "@/lib/articles/markdown";

/**
 * Reading time for the post list and header. reading-time counts each Chinese
 * character as a word; ~300 characters a minute is an ordinary Chinese reading
 * speed (and close enough for English words). Computed from teaser + body when
 * a post is saved, so listing pages never load the gated body to show it.
 */
const WORDS_PER_MINUTE = 300;

export function readingMinutes(teaser: string, body: string): number {
  const text = plainText(`${teaser}\n\n${body}`);
  if (!text) return 1;
  return Math.max(1, Math.ceil(readingTime(text, { wordsPerMinute: WORDS_PER_MINUTE }).minutes));
}

/** At start: posts saved before reading time existed get theirs (admin-side work, may read bodies). */
export async function backfillReadingMinutes(): Promise<number> {
  const rows = await db().article.findMany({ where: { readingMinutes: null }, select: { id: true, teaser: true, body: true } });
  for (const r of rows) {
    await db().article.update({ where: { id: r.id }, data: { readingMinutes: readingMinutes(r.teaser, r.body) } });
  }
  return rows.length;
}
