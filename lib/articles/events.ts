import { db } from "@/lib/db/client";

/** Funnel counters for the owner's dashboard; a failure here must never break a page. */
export async function recordView(articleId: string): Promise<void> {
  await db().event.create({ data: { type: "view", articleId } }).catch(() => {});
}

export async function recordClick(articleId: string): Promise<void> {
  await db().event.create({ data: { type: "click", articleId } }).catch(() => {});
}
