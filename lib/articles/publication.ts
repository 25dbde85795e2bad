import { vocabulary, type StateOf } from "@/lib/vocabulary";

/** Whether readers can see a post or a series: the same two words for both. Client-safe. */
export const PUBLICATION = vocabulary({ published: "已发布", draft: "草稿" }, { published: "good", draft: "muted" });
export type PublicationState = StateOf<typeof PUBLICATION>;
export const publication = (published: boolean): PublicationState => (published ? "published" : "draft");

/**
 * Where a post stands for readers: a series is published or not, a post may also be 定时 — published
 * with its publish time still to come (lib/articles/visibility.ts: readers see it from that instant on).
 */
export const POST_STATE = vocabulary(
  { published: "已发布", scheduled: "定时", draft: "草稿" },
  { published: "good", scheduled: "neutral", draft: "muted" },
);
export type PostState = StateOf<typeof POST_STATE>;

export function postState(a: { published: boolean; publishedAt: Date | null }, now = new Date()): PostState {
  if (!a.published) return "draft";
  return a.publishedAt && a.publishedAt > now ? "scheduled" : "published";
}

/** Readers can see the post now: listed, in feeds and the sitemap, for sale. */
export const isLive = (state: PostState): boolean => state === "published";

/** Published, its time still to come: the owner sees when it goes out. */
export const isScheduled = (state: PostState): boolean => state === "scheduled";
